package io.ledgerline.queue;

/** A sleep ended; the queue is OPEN. */
public record QueueWoken(String queueId) implements QueueEvent {}
