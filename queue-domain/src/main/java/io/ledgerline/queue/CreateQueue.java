package io.ledgerline.queue;

/** Creates a queue, OPEN, with a display name, the most active entries it holds, and its other settings. */
public record CreateQueue(String queueId, String name, int capacity, QueueSettings settings) implements QueueCommand {

    public CreateQueue(String queueId, String name, int capacity) {
        this(queueId, name, capacity, QueueSettings.DEFAULT);
    }
}
