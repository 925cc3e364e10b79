package io.ledgerline.queue;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One active visit in a queue. The ticket is unique within the queue and never reused, so
 * (priority, ticket) orders the waiting line without ties; the number is what people see ({@code A-042}).
 *
 * @param heldUntil for a WAITING entry that may not be called yet (scheduled for later, or waiting to be retried),
 *                  when it becomes callable; null for a callable entry
 * @param attempts  how many times serving it failed so far
 */
public record Entry(String entryId, Priority priority, long ticket, EntryStatus status, Instant joinedAt,
                    String number, Instant heldUntil, int attempts) {

    /** The order in which held entries become callable: the earliest first, then by ticket. */
    public static final Comparator<Entry> RELEASE_ORDER =
            Comparator.comparing(Entry::heldUntil).thenComparingLong(Entry::ticket);

    /** The calling order: strict priority first, then first come first served by ticket. */
    public static final Comparator<Entry> CALLING_ORDER =
            Comparator.comparing(Entry::priority).thenComparingLong(Entry::ticket);

    public Entry {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(joinedAt, "joinedAt");
        Objects.requireNonNull(number, "number");
        if (heldUntil != null && status != EntryStatus.WAITING) {
            throw new IllegalArgumentException("only a WAITING entry is held, not a " + status + " one");
        }
    }

    public Entry(String entryId, Priority priority, long ticket, EntryStatus status, Instant joinedAt, String number) {
        this(entryId, priority, ticket, status, joinedAt, number, null, 0);
    }

    /** An entry of a queue without a ticket prefix. */
    public Entry(String entryId, Priority priority, long ticket, EntryStatus status, Instant joinedAt) {
        this(entryId, priority, ticket, status, joinedAt, QueueSettings.DEFAULT.numberFor(ticket));
    }

    /** WAITING and not held: the calling order includes it. */
    public boolean callable() {
        return status == EntryStatus.WAITING && heldUntil == null;
    }

    public boolean held() {
        return heldUntil != null;
    }

    public Entry withStatus(EntryStatus newStatus) {
        return new Entry(entryId, priority, ticket, newStatus, joinedAt, number, heldUntil, attempts);
    }

    public Entry withPriority(Priority newPriority) {
        return new Entry(entryId, newPriority, ticket, status, joinedAt, number, heldUntil, attempts);
    }

    /** WAITING again, held until {@code until} (null: callable at once), after {@code failures} failed attempts. */
    public Entry withHold(Instant until, int failures) {
        return new Entry(entryId, priority, ticket, EntryStatus.WAITING, joinedAt, number, until, failures);
    }
}
