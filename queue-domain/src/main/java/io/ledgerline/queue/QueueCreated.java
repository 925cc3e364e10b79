package io.ledgerline.queue;

/** A queue was created, OPEN. */
public record QueueCreated(String queueId, String name, int capacity) implements QueueEvent {}
