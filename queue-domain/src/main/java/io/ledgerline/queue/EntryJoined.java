package io.ledgerline.queue;

import java.time.Instant;

/**
 * An entry joined and was given the next ticket of its queue, and the human-readable number made from it. A
 * non-null {@code heldUntil} means it was scheduled: not callable before then.
 */
public record EntryJoined(String queueId, String entryId, Priority priority, long ticket, Instant joinedAt,
                          String number, Instant heldUntil, EntryDetails details) implements QueueEvent {

    public EntryJoined {
        details = details == null ? EntryDetails.NONE : details;
    }

    public EntryJoined(String queueId, String entryId, Priority priority, long ticket, Instant joinedAt, String number,
                       Instant heldUntil) {
        this(queueId, entryId, priority, ticket, joinedAt, number, heldUntil, EntryDetails.NONE);
    }

    public EntryJoined(String queueId, String entryId, Priority priority, long ticket, Instant joinedAt, String number) {
        this(queueId, entryId, priority, ticket, joinedAt, number, null);
    }

    /** Joined a queue without a ticket prefix, callable at once. */
    public EntryJoined(String queueId, String entryId, Priority priority, long ticket, Instant joinedAt) {
        this(queueId, entryId, priority, ticket, joinedAt, QueueSettings.DEFAULT.numberFor(ticket));
    }
}
