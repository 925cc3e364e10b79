package io.ledgerline.command.api;

/** Body of POST /queues/{queueId}/entries; without an entryId the service makes one. */
public record JoinQueueRequest(String entryId, String priority) {}
