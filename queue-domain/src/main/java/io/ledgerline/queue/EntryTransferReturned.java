package io.ledgerline.queue;

/** The target queue refused a transfer ({@code reason}): the entry is callable again, at the place it kept. */
public record EntryTransferReturned(String queueId, String entryId, String targetQueueId, String reason)
        implements QueueEvent {}
