package io.ledgerline.queue;

import java.time.Instant;

/** An entry joined and was given the next ticket of its queue, and the human-readable number made from it. */
public record EntryJoined(String queueId, String entryId, Priority priority, long ticket, Instant joinedAt,
                          String number) implements QueueEvent {

    /** Joined a queue without a ticket prefix. */
    public EntryJoined(String queueId, String entryId, Priority priority, long ticket, Instant joinedAt) {
        this(queueId, entryId, priority, ticket, joinedAt, QueueSettings.DEFAULT.numberFor(ticket));
    }
}
