package io.ledgerline.queue;

import java.time.Instant;

/** Adds a person or job to the queue; the caller chooses the entry id (it is the idempotent handle). */
public record JoinQueue(String queueId, String entryId, Priority priority, Instant joinedAt) implements QueueCommand {}
