package io.ledgerline.queue;

/** A called entry did not turn up; the queue forgets it. */
public record EntryMarkedNoShow(String queueId, String entryId) implements QueueEvent {}
