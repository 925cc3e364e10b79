package io.ledgerline.queue;

/** Staff override of a waiting entry's priority; the justification is required for the audit trail. */
public record ChangePriority(String queueId, String entryId, Priority priority, String justification) implements QueueCommand {}
