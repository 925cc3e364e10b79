package io.ledgerline.command.api;

import java.util.List;

/** Body of POST /queues/{queueId}/entries/batch: the entries to join, all or none. */
public record JoinBatchRequest(List<JoinQueueRequest> entries) {}
