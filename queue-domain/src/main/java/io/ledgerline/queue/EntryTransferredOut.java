package io.ledgerline.queue;

/** The target queue took a transferred entry (or, in logs before transfers settled, it just left): forgotten here. */
public record EntryTransferredOut(String queueId, String entryId, String targetQueueId, Priority priority, String justification) implements QueueEvent {}
