package io.ledgerline.queue;

import java.time.Instant;

/** Calls the first waiting entry: strict priority, then ticket order. */
public record CallNext(String queueId, Instant calledAt) implements QueueCommand {}
