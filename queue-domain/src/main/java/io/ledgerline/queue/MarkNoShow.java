package io.ledgerline.queue;

/** A called entry did not turn up. */
public record MarkNoShow(String queueId, String entryId) implements QueueCommand {}
