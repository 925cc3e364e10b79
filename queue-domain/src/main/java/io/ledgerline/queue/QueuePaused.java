package io.ledgerline.queue;

/** Calling stopped until resumed. */
public record QueuePaused(String queueId, String reason) implements QueueEvent {}
