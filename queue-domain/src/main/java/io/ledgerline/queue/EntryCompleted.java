package io.ledgerline.queue;

import java.time.Instant;

/** A called entry was served; the queue forgets it. */
public record EntryCompleted(String queueId, String entryId, Instant completedAt) implements QueueEvent {}
