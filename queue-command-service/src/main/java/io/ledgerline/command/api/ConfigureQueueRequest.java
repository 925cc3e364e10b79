package io.ledgerline.command.api;

/** Body of PUT /queues/{queueId}: the new name and capacity, and the settings, each replacing the previous whole. */
public record ConfigureQueueRequest(String name, Integer capacity, SettingsRequest settings) {}
