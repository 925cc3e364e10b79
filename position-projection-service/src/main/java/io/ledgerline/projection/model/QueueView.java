package io.ledgerline.projection.model;

import java.time.Instant;

/**
 * @param opensAt  the planned opening still ahead; null when none is planned or it was used up (opened, lapsed)
 * @param closesAt the planned closing still ahead, likewise
 */
public record QueueView(String queueId, String name, QueueStatus status, int capacity, long lastSequence,
        Instant opensAt, Instant closesAt) {
}
