package io.ledgerline.queue;

/** A called entry goes back to waiting, keeping its original place (ticket). */
public record RequeueEntry(String queueId, String entryId) implements QueueCommand {}
