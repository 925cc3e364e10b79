package io.ledgerline.projection.model;

public record QueueView(String queueId, String name, QueueStatus status, int capacity, long lastSequence) {
}
