package io.ledgerline.queue;

/** A called entry went back to waiting with its original ticket. */
public record EntryRequeued(String queueId, String entryId) implements QueueEvent {}
