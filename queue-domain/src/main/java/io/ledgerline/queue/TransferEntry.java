package io.ledgerline.queue;

/** A waiting entry moves to another queue: it joins there, then leaves here (see {@link EntryTransferStarted}). */
public record TransferEntry(String queueId, String entryId, String targetQueueId, String justification) implements QueueCommand {}
