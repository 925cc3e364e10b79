package io.ledgerline.command.api;

/** Optional body of POST /queues/{queueId}/call-next: the counter or desk that calls ("desk 4"). */
public record CallNextRequest(String counter) {}
