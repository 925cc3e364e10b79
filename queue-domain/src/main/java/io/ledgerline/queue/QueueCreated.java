package io.ledgerline.queue;

/** A queue was created, OPEN. */
public record QueueCreated(String queueId, String name, int capacity, QueueSettings settings) implements QueueEvent {

    public QueueCreated(String queueId, String name, int capacity) {
        this(queueId, name, capacity, QueueSettings.DEFAULT);
    }
}
