package io.ledgerline.queue;

/** A held entry became callable: it takes its place in the calling order by its priority and ticket. */
public record EntryReleased(String queueId, String entryId) implements QueueEvent {}
