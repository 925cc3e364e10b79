package io.ledgerline.queue;

/** The entry's person is served at {@code service}: the entry keeps its place but is not callable meanwhile. */
public record EntryHeldForServiceElsewhere(String queueId, String entryId, ServedElsewhere service)
        implements QueueEvent {}
