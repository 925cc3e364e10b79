package io.ledgerline.queue;

import java.time.Instant;

/** Lets in the people an automatic-admission queue's rate allows by {@code asOf}. Sent by the owner's timer. */
public record AdmitDueEntries(String queueId, Instant asOf) implements QueueCommand {}
