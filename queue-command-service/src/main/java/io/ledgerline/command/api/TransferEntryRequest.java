package io.ledgerline.command.api;

/** Body of POST /queues/{queueId}/entries/{entryId}/transfer. */
public record TransferEntryRequest(String targetQueueId, String justification) {}
