package io.ledgerline.queue;

/** A queue's name, capacity and other settings were set. */
public record QueueConfigured(String queueId, String name, int capacity, QueueSettings settings) implements QueueEvent {

    public QueueConfigured(String queueId, String name, int capacity) {
        this(queueId, name, capacity, QueueSettings.DEFAULT);
    }
}
