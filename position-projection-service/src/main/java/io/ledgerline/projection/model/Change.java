package io.ledgerline.projection.model;

import java.time.Instant;
import java.util.List;

/**
 * What one queue event means to the read models. The event types collapse into these few shapes: status events
 * become {@link QueueStatusSet}, the four ways of finishing become {@link EntryFinished}, a priority change and a
 * promotion become {@link EntryPriorityChanged}.
 */
public sealed interface Change {

    /** @param tags the queue's tags, which the groups it belongs to are named by */
    record QueueCreated(String name, int capacity, List<String> tags) implements Change {
        public QueueCreated {
            tags = List.copyOf(tags);
        }

        public QueueCreated(String name, int capacity) {
            this(name, capacity, List.of());
        }
    }

    record QueueConfigured(String name, int capacity, List<String> tags) implements Change {
        public QueueConfigured {
            tags = List.copyOf(tags);
        }

        public QueueConfigured(String name, int capacity) {
            this(name, capacity, List.of());
        }
    }

    /** @param consumes the planned instant this change used up, when the queue's plan made it; null otherwise */
    record QueueStatusSet(QueueStatus status, Planned consumes) implements Change {

        public QueueStatusSet(QueueStatus status) {
            this(status, null);
        }
    }

    /**
     * The queue closed, and the entries still waiting (WAITING, HELD or SERVED_ELSEWHERE) ended
     * {@link EntryStatus#CLOSED_OUT}: the first of them are in {@code closedOut}, any others in the
     * {@link EntriesClosedOut} events that follow.
     *
     * @param consumes {@link Planned#CLOSING} when this was the planned closing, null when people closed it
     */
    record QueueClosed(EntriesClosedOut closedOut, Planned consumes) implements Change {
    }

    /** Entries a closing ended CLOSED_OUT at {@code closedAt}; up to a thousand in one event. */
    record EntriesClosedOut(List<String> entryIds, Instant closedAt) implements Change {
        public EntriesClosedOut {
            entryIds = List.copyOf(entryIds);
        }
    }

    /** The queue's plan from now on; either instant may be null (nothing planned). */
    record QueueScheduled(Instant opensAt, Instant closesAt) implements Change {
    }

    /** A planned opening or closing came due but did not apply to the queue's status: only the plan changes. */
    record ScheduleLapsed(Planned consumes) implements Change {
    }

    /**
     * A join found the queue full and went on to {@code targetQueueId}: nothing changes in this queue (the entry's
     * EntryJoined, if any, is in the target queue's history).
     */
    record EntryOverflowed(String entryId, String targetQueueId) implements Change {
    }

    /**
     * @param number    the human-readable number; null in events written before numbers existed
     * @param heldUntil for a scheduled entry, when it is due to become callable: it joins HELD, outside the line,
     *                  until its EntryReleased; null when it joins the line at once
     * @param orderKey  where the entry stands in the calling order (ascending, equal keys by entry id), as the event
     *                  says; for an event written before keys existed, its {@link LegacyOrderKey}. The entry keeps it
     *                  while held, called and requeued, until an {@link EntryPriorityChanged} gives it another.
     */
    record EntryJoined(String entryId, Priority priority, long ticket, Instant joinedAt, String number,
            Instant heldUntil, long orderKey) implements Change {

        public boolean held() {
            return heldUntil != null;
        }
    }

    /** @param number null when the event carries none (the entry keeps the one it joined with) */
    record EntryCalled(String entryId, Instant calledAt, String number, String counter) implements Change {
    }

    /** The entry left the waiting line for good: completed, left, no-show or transferred out. */
    record EntryFinished(String entryId, EntryStatus status, Instant finishedAt) implements Change {
        public EntryFinished {
            if (!status.isFinal()) {
                throw new IllegalArgumentException("not a final status: " + status);
            }
        }
    }

    /** An event no read model shows (a lottery's commitment, cut-off or reveal): only the queue's sequence moves. */
    record SequenceOnly() implements Change {
    }

    /** Entries got new order keys (a lottery's draw), pairwise; held or called ones keep them for their return. */
    record EntriesReordered(List<String> entryIds, List<Long> orderKeys) implements Change {
        public EntriesReordered {
            entryIds = List.copyOf(entryIds);
            orderKeys = List.copyOf(orderKeys);
        }
    }

    /** A waiting room let the entry in: out of the line, its admission valid until {@code expiresAt}. */
    record EntryAdmitted(String entryId, Instant admittedAt, Instant expiresAt, String number) implements Change {
    }

    /** The first step of a transfer: out of the line, its key kept, until the target queue has decided. */
    record EntryTransferring(String entryId, String targetQueueId) implements Change {
    }

    /** The target queue refused a transfer: the entry is back in the line at the key it kept. */
    record EntryTransferReturned(String entryId) implements Change {
    }

    /**
     * The entry's person is being served at {@code service}: the entry leaves the line (or stays out of it, if HELD),
     * keeping its order key. It may already be held for another service of the same person; each one counts.
     */
    record EntryHeldForServiceElsewhere(String entryId, ServedElsewhere service) implements Change {
    }

    /**
     * The service at {@code service} ended. While {@code stillServedElsewhere} other services hold the entry it stays
     * out of the line; at 0 it is back: at its kept order key in the line, or HELD if it is still scheduled for later
     * (no EntryReleased yet). The count is the domain's, which the read models take as it comes.
     */
    record EntryBackFromServiceElsewhere(String entryId, ServedElsewhere service, int stillServedElsewhere)
            implements Change {

        /** No service elsewhere holds the entry any more. */
        public boolean back() {
            return stillServedElsewhere == 0;
        }
    }

    /** A called entry goes back to WAITING with its order key, so it regains its old place. */
    record EntryRequeued(String entryId) implements Change {
    }

    /**
     * The entry moved to {@code priority} and stands at {@code orderKey} from now on: moved by staff
     * ({@code EntryPriorityChanged}) or promoted one class up after waiting its class's aging limit
     * ({@code EntryPromoted}); the read models do the same for both.
     *
     * @param orderKey the entry's new key; null only in an {@code EntryPriorityChanged} written before keys existed,
     *                 which means the {@link LegacyOrderKey} of the new priority with the entry's own ticket
     */
    record EntryPriorityChanged(String entryId, Priority priority, Long orderKey) implements Change {

        /** Written before keys existed: the new key is the legacy strict key, from the entry's ticket. */
        public boolean legacy() {
            return orderKey == null;
        }
    }

    /**
     * Serving a called entry failed for the {@code attempt}-th time. With {@code retryAt} it is HELD (keeping its
     * order key) until an {@link EntryReleased}; without, it has used up its retries and ends FAILED at
     * {@code failedAt}.
     */
    record EntryFailed(String entryId, int attempt, Instant failedAt, Instant retryAt) implements Change {

        public boolean isFinal() {
            return retryAt == null;
        }
    }

    /**
     * A HELD entry became callable: it takes its place in the line by the order key it kept. The log says when; the
     * projection never decides it from a clock. An entry served elsewhere meanwhile is no longer scheduled but stays
     * out of the line until it is back from every service elsewhere.
     */
    record EntryReleased(String entryId) implements Change {
    }
}
