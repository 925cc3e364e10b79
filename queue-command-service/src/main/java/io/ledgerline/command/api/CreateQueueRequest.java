package io.ledgerline.command.api;

/** Body of POST /queues. */
public record CreateQueueRequest(String queueId, String name, Integer capacity) {}
