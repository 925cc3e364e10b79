package io.ledgerline.command.api;

/** Body of POST /queues: the queue's id, name and capacity, and optionally its other settings. */
public record CreateQueueRequest(String queueId, String name, Integer capacity, SettingsRequest settings) {}
