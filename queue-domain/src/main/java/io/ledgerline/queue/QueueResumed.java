package io.ledgerline.queue;

/** A pause or an emergency stop ended; the queue is OPEN. */
public record QueueResumed(String queueId) implements QueueEvent {}
