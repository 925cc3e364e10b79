package io.ledgerline.projection.api;

import java.time.Instant;

import io.ledgerline.projection.model.QueueStatus;

/**
 * @param opensAt  when the queue is planned to open next; null when nothing is planned
 * @param closesAt when the queue is planned to close next; null when nothing is planned
 */
public record QueueResponse(String queueId, String name, QueueStatus status, int capacity, long waitingCount,
        long lastSequence, Instant opensAt, Instant closesAt) {
}
