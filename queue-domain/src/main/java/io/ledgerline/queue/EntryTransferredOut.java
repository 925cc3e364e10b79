package io.ledgerline.queue;

/** A waiting entry left for another queue; the queue forgets it. */
public record EntryTransferredOut(String queueId, String entryId, String targetQueueId, Priority priority, String justification) implements QueueEvent {}
