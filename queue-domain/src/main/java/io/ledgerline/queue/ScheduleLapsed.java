package io.ledgerline.queue;

import java.time.Instant;

/**
 * A planned opening or closing came due while the queue was in a status it does not apply to (already open, or
 * emergency-stopped, which only people lift): the queue is left as it is, and the plan's instant is consumed.
 *
 * @param transition "open" or "close"
 */
public record ScheduleLapsed(String queueId, String transition, Instant scheduledFor, QueueStatus status)
        implements QueueEvent {}
