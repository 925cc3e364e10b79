package io.ledgerline.queue;

import java.time.Instant;

/**
 * Plans when the queue opens and closes by itself, replacing any earlier plan; both null clears it. Each instant
 * must lie after {@code requestedAt} and within a year, and a closing after the opening when both are given.
 */
public record ScheduleQueue(String queueId, Instant opensAt, Instant closesAt, Instant requestedAt)
        implements QueueCommand {}
