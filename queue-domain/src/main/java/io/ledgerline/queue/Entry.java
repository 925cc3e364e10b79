package io.ledgerline.queue;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One active visit in a queue. The ticket is unique within the queue and never reused, so
 * (priority, ticket) orders the waiting line without ties; the number is what people see ({@code A-042}).
 */
public record Entry(String entryId, Priority priority, long ticket, EntryStatus status, Instant joinedAt,
                    String number) {

    /** The calling order: strict priority first, then first come first served by ticket. */
    public static final Comparator<Entry> CALLING_ORDER =
            Comparator.comparing(Entry::priority).thenComparingLong(Entry::ticket);

    public Entry {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(joinedAt, "joinedAt");
        Objects.requireNonNull(number, "number");
    }

    /** An entry of a queue without a ticket prefix. */
    public Entry(String entryId, Priority priority, long ticket, EntryStatus status, Instant joinedAt) {
        this(entryId, priority, ticket, status, joinedAt, QueueSettings.DEFAULT.numberFor(ticket));
    }

    public Entry withStatus(EntryStatus newStatus) {
        return new Entry(entryId, priority, ticket, newStatus, joinedAt, number);
    }

    public Entry withPriority(Priority newPriority) {
        return new Entry(entryId, newPriority, ticket, status, joinedAt, number);
    }
}
