package io.ledgerline.queue;

/**
 * The service at {@code service} ended; with {@code stillServedElsewhere} 0 the entry is back in its place (callable,
 * unless scheduled for later).
 */
public record EntryBackFromServiceElsewhere(String queueId, String entryId, ServedElsewhere service,
                                            int stillServedElsewhere) implements QueueEvent {}
