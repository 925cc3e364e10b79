package io.ledgerline.queue;

import java.time.Instant;

/** A waiting entry was called. */
public record EntryCalled(String queueId, String entryId, Instant calledAt) implements QueueEvent {}
