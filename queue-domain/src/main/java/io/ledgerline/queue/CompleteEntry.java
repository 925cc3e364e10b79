package io.ledgerline.queue;

import java.time.Instant;

/** A called entry was served. */
public record CompleteEntry(String queueId, String entryId, Instant completedAt) implements QueueCommand {}
