package io.ledgerline.command.model;

import io.ledgerline.queue.QueueState;

/** A queue to write to the snapshots topic: its state after event {@code sequence}, and its previous part count. */
public record QueueCheckpoint(String queueId, QueueState state, long sequence, int previousParts) {}
