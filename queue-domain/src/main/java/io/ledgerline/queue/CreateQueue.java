package io.ledgerline.queue;

/** Creates a queue, OPEN, with a display name and the most active entries it holds. */
public record CreateQueue(String queueId, String name, int capacity) implements QueueCommand {}
