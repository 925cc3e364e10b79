package io.ledgerline.command.api;

/** Body of PUT /queues/{queueId}: the new name and capacity. */
public record ConfigureQueueRequest(String name, Integer capacity) {}
