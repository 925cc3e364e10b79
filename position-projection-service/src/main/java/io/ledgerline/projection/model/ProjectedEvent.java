package io.ledgerline.projection.model;

import java.time.Instant;

/**
 * One event of the log, translated for the projection.
 *
 * @param eventType the name of the event in the contract (e.g. {@code EntryJoined}), used for logs and metric tags
 */
public record ProjectedEvent(String eventId, String queueId, long sequence, Instant occurredAt, String eventType,
        Change change) {
}
