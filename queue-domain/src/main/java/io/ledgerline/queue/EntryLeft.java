package io.ledgerline.queue;

/** An active entry left; the queue forgets it. */
public record EntryLeft(String queueId, String entryId) implements QueueEvent {}
