package io.ledgerline.queue;

/** A queue's name and capacity were set. */
public record QueueConfigured(String queueId, String name, int capacity) implements QueueEvent {}
