package io.ledgerline.projection.api;

import io.ledgerline.projection.model.QueueStatus;

public record QueueResponse(String queueId, String name, QueueStatus status, int capacity, long waitingCount,
        long lastSequence) {
}
