package io.ledgerline.queue;

import java.time.Instant;

/**
 * A join found the queue full and went on to the queue's overflow queue: nothing changes here, and the partition
 * owner forwards the join, as it was asked, to {@code targetQueueId}.
 */
public record EntryOverflowed(String queueId, String entryId, String targetQueueId, Priority priority,
                              Instant joinedAt, Instant scheduledAt, EntryDetails details) implements QueueEvent {

    public EntryOverflowed {
        details = details == null ? EntryDetails.NONE : details;
    }

    /** The join to send to the overflow queue. */
    public JoinQueue forwardedJoin() {
        return new JoinQueue(queueId, entryId, priority, joinedAt, scheduledAt, details).overflowingTo(targetQueueId);
    }
}
