package io.ledgerline.projection.model;

import java.time.Instant;

/**
 * One event of the log, translated for the projection.
 *
 * @param eventType the name of the event in the contract (e.g. {@code EntryJoined}), used for logs and metric tags
 * @param actor     who the event names as its cause (a token's subject, {@code ledgerline:timer}, ...), for the audit
 * @param detail    what the audit shows beside it: a justification, a reason, a counter, a target queue; or null
 */
public record ProjectedEvent(String eventId, String queueId, long sequence, Instant occurredAt, String eventType,
        Change change, String actor, String detail) {

    public ProjectedEvent(String eventId, String queueId, long sequence, Instant occurredAt, String eventType,
            Change change) {
        this(eventId, queueId, sequence, occurredAt, eventType, change, null, null);
    }
}
