package io.ledgerline.projection.model;

import java.time.Instant;

/**
 * What one queue event means to the read models. Seventeen event types collapse into these few shapes:
 * status events become {@link QueueStatusSet}, the three ways of finishing become {@link EntryFinished}.
 */
public sealed interface Change {

    record QueueCreated(String name, int capacity) implements Change {
    }

    record QueueConfigured(String name, int capacity) implements Change {
    }

    record QueueStatusSet(QueueStatus status) implements Change {
    }

    record EntryJoined(String entryId, Priority priority, long ticket, Instant joinedAt) implements Change {
    }

    record EntryCalled(String entryId, Instant calledAt) implements Change {
    }

    /** The entry left the waiting line for good: completed, left, no-show or transferred out. */
    record EntryFinished(String entryId, EntryStatus status, Instant finishedAt) implements Change {
        public EntryFinished {
            if (!status.isFinal()) {
                throw new IllegalArgumentException("not a final status: " + status);
            }
        }
    }

    /** A called entry goes back to WAITING with its original ticket, so it regains its old place. */
    record EntryRequeued(String entryId) implements Change {
    }

    record EntryPriorityChanged(String entryId, Priority priority) implements Change {
    }
}
