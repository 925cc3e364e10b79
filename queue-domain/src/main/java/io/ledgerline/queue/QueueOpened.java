package io.ledgerline.queue;

/** The queue is OPEN again (after CLOSED or EMERGENCY_STOPPED). */
public record QueueOpened(String queueId) implements QueueEvent {}
