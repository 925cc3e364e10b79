package io.ledgerline.queue;

import java.time.Instant;

/**
 * What the queue does by itself at planned moments: opening and closing (a show's sale, a clinic's session), and an
 * opening lottery to draw. Each is consumed when its timer fires, so the schedule holds only what is still to come.
 * Any may be null.
 */
public record QueueSchedule(Instant opensAt, Instant closesAt, Lottery lottery) {

    public static final QueueSchedule NONE = new QueueSchedule(null, null, null);

    public QueueSchedule(Instant opensAt, Instant closesAt) {
        this(opensAt, closesAt, null);
    }

    public boolean isEmpty() {
        return opensAt == null && closesAt == null && lottery == null;
    }

    QueueSchedule withoutOpening() {
        return new QueueSchedule(null, closesAt, lottery);
    }

    QueueSchedule withoutClosing() {
        return new QueueSchedule(opensAt, null, lottery);
    }

    /** Another plan of opening and closing; a lottery stays as it is. */
    QueueSchedule replanned(Instant newOpensAt, Instant newClosesAt) {
        return new QueueSchedule(newOpensAt, newClosesAt, lottery);
    }

    QueueSchedule withLottery(Lottery newLottery) {
        return new QueueSchedule(opensAt, closesAt, newLottery);
    }
}
