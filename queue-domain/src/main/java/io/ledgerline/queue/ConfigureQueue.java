package io.ledgerline.queue;

/** Sets a queue's name, capacity (never below the entries it holds now) and other settings, all at once. */
public record ConfigureQueue(String queueId, String name, int capacity, QueueSettings settings) implements QueueCommand {

    public ConfigureQueue(String queueId, String name, int capacity) {
        this(queueId, name, capacity, QueueSettings.DEFAULT);
    }
}
