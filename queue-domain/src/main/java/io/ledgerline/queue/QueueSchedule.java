package io.ledgerline.queue;

import java.time.Instant;

/**
 * When the queue opens and closes by itself (a show's sale, a clinic's session): each instant is consumed when its
 * timer fires, so the schedule holds only what is still to come. Either may be null.
 */
public record QueueSchedule(Instant opensAt, Instant closesAt) {

    public static final QueueSchedule NONE = new QueueSchedule(null, null);

    public boolean isEmpty() {
        return opensAt == null && closesAt == null;
    }

    QueueSchedule withoutOpening() {
        return new QueueSchedule(null, closesAt);
    }

    QueueSchedule withoutClosing() {
        return new QueueSchedule(opensAt, null);
    }
}
