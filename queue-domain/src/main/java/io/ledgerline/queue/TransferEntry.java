package io.ledgerline.queue;

/** A waiting entry leaves this queue for another; joining the target is a later, separate step. */
public record TransferEntry(String queueId, String entryId, String targetQueueId, String justification) implements QueueCommand {}
