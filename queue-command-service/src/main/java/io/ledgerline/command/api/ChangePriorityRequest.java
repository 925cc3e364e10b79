package io.ledgerline.command.api;

/** Body of PUT /queues/{queueId}/entries/{entryId}/priority: staff override, justified. */
public record ChangePriorityRequest(String priority, String justification) {}
