package io.ledgerline.queue;

/** Staff changed a waiting entry's priority; it keeps its ticket. */
public record EntryPriorityChanged(String queueId, String entryId, Priority from, Priority to, String justification) implements QueueEvent {}
