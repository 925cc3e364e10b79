package io.ledgerline.queue;

/** Stops calling (people may still join) until resumed. */
public record PauseQueue(String queueId, String reason) implements QueueCommand {}
