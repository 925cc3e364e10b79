package io.ledgerline.queue;

/** Everything but leaving and configuring stopped. */
public record QueueEmergencyStopped(String queueId, String reason) implements QueueEvent {}
