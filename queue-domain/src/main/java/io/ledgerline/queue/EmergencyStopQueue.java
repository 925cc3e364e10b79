package io.ledgerline.queue;

/** Stops everything but leaving and configuring, from any status. */
public record EmergencyStopQueue(String queueId, String reason) implements QueueCommand {}
