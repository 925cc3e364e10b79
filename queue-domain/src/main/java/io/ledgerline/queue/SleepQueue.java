package io.ledgerline.queue;

import java.time.Instant;

/**
 * Stops calling until a given time (people may still join). {@code requestedAt} is when the sleep was asked for:
 * the wake time must lie after it, so a typo cannot put a queue to sleep "until 1970".
 */
public record SleepQueue(String queueId, Instant until, Instant requestedAt) implements QueueCommand {}
