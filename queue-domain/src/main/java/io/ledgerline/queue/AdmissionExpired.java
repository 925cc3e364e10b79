package io.ledgerline.queue;

import java.time.Instant;

/** An admission reached its end at {@code expiredAt}; the entry's visit is over and the queue forgets it. */
public record AdmissionExpired(String queueId, String entryId, Instant expiredAt) implements QueueEvent {}
