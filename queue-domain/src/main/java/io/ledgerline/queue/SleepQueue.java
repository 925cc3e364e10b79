package io.ledgerline.queue;

import java.time.Instant;

/** Stops calling until a given time (people may still join). */
public record SleepQueue(String queueId, Instant until) implements QueueCommand {}
