package io.ledgerline.queue;

import java.time.Instant;

/**
 * An entry joined and was given the next ticket of its queue, and the human-readable number made from it. A
 * non-null {@code heldUntil} means it was scheduled: not callable before then. {@code orderKey} is its place in the
 * calling order ({@link CallingOrder}); null in events written before keys existed, which means its strict key.
 * {@code transferredFrom} names the queue a transfer brought it from; null for an ordinary join.
 */
public record EntryJoined(String queueId, String entryId, Priority priority, long ticket, Instant joinedAt,
                          String number, Instant heldUntil, EntryDetails details, Long orderKey,
                          String transferredFrom) implements QueueEvent {

    public EntryJoined {
        details = details == null ? EntryDetails.NONE : details;
    }

    public EntryJoined(String queueId, String entryId, Priority priority, long ticket, Instant joinedAt, String number,
                       Instant heldUntil, EntryDetails details, Long orderKey) {
        this(queueId, entryId, priority, ticket, joinedAt, number, heldUntil, details, orderKey, null);
    }

    /** Joined a strict-priority queue: placed at its strict key. */
    public EntryJoined(String queueId, String entryId, Priority priority, long ticket, Instant joinedAt, String number,
                       Instant heldUntil, EntryDetails details) {
        this(queueId, entryId, priority, ticket, joinedAt, number, heldUntil, details,
                CallingOrder.strictKey(priority, ticket));
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

    /** The key this event places the entry at. */
    public long placedAt() {
        return orderKey != null ? orderKey : CallingOrder.strictKey(priority, ticket);
    }
}
