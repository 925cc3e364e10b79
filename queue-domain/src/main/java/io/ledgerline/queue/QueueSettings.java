package io.ledgerline.queue;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A queue's settings beyond its name and capacity. Part of the queue's creation and configuration events, so the
 * log alone says how the queue behaved at any time.
 *
 * @param tags          labels operations select queues by (a region, an office, {@code critical}); sorted, distinct
 * @param ticketPrefix  the letters before each entry's number ({@code A} gives {@code A-042}); empty for plain numbers
 * @param maxConcurrent the most entries CALLED (in service) at once; 0 for no limit beyond capacity
 * @param serviceTime   how long serving one entry usually takes, before any has been measured; null if unknown
 * @param retry         how a failed entry comes back
 * @param calendar      when the queue serves; null to serve at any time its status allows
 * @param overflowTo    the queue a join goes on to when this one is full; null to refuse it (QUEUE_FULL)
 * @param ordering      how the priority classes share the calls, and how entries age
 * @param admission     who lets people in: staff calling next, or the queue itself at a steady rate (a waiting room)
 * @param holdWhileServedElsewhere whether a waiting entry is held while its person is served in another entry
 *                      ({@link PersonHolds})
 * @param publicJoins   whether people may join without credentials ({@link JoinQueue#anonymous()}), on a public link
 */
public record QueueSettings(List<String> tags, String ticketPrefix, int maxConcurrent, Duration serviceTime,
                            RetryPolicy retry, OpeningHours calendar, String overflowTo, Ordering ordering,
                            Admission admission, boolean holdWhileServedElsewhere, boolean publicJoins) {

    public static final QueueSettings DEFAULT = new QueueSettings(List.of(), "", 0, null, RetryPolicy.DEFAULT, null,
            null, Ordering.STRICT, Admission.MANUAL, false, false);

    public QueueSettings(List<String> tags, String ticketPrefix, int maxConcurrent, Duration serviceTime,
                         RetryPolicy retry, OpeningHours calendar, String overflowTo, Ordering ordering,
                         Admission admission, boolean holdWhileServedElsewhere) {
        this(tags, ticketPrefix, maxConcurrent, serviceTime, retry, calendar, overflowTo, ordering, admission,
                holdWhileServedElsewhere, false);
    }

    public QueueSettings(List<String> tags, String ticketPrefix, int maxConcurrent, Duration serviceTime,
                         RetryPolicy retry, OpeningHours calendar, String overflowTo, Ordering ordering,
                         Admission admission) {
        this(tags, ticketPrefix, maxConcurrent, serviceTime, retry, calendar, overflowTo, ordering, admission, false);
    }

    public QueueSettings(List<String> tags, String ticketPrefix, int maxConcurrent, Duration serviceTime,
                         RetryPolicy retry, OpeningHours calendar, String overflowTo) {
        this(tags, ticketPrefix, maxConcurrent, serviceTime, retry, calendar, overflowTo, Ordering.STRICT,
                Admission.MANUAL);
    }

    public QueueSettings(List<String> tags, String ticketPrefix, int maxConcurrent, Duration serviceTime,
                         RetryPolicy retry, OpeningHours calendar) {
        this(tags, ticketPrefix, maxConcurrent, serviceTime, retry, calendar, null);
    }

    public QueueSettings(List<String> tags, String ticketPrefix, int maxConcurrent, Duration serviceTime,
                         RetryPolicy retry) {
        this(tags, ticketPrefix, maxConcurrent, serviceTime, retry, null);
    }

    /** Whether the queue serves at {@code at} by its calendar (always, without one). */
    public boolean servesAt(java.time.Instant at) {
        return calendar == null || calendar.isOpenAt(at);
    }

    public QueueSettings {
        Objects.requireNonNull(tags, "tags");
        tags = List.copyOf(new TreeSet<>(tags));
        ticketPrefix = ticketPrefix == null ? "" : ticketPrefix;
        Objects.requireNonNull(retry, "retry");
        ordering = ordering == null ? Ordering.STRICT : ordering;
        admission = admission == null ? Admission.MANUAL : admission;
    }

    /** The same settings in another order. */
    public QueueSettings withOrdering(Ordering newOrdering) {
        return new QueueSettings(tags, ticketPrefix, maxConcurrent, serviceTime, retry, calendar, overflowTo, newOrdering,
                admission, holdWhileServedElsewhere, publicJoins);
    }

    /** The same settings with another way of letting people in. */
    public QueueSettings withAdmission(Admission newAdmission) {
        return new QueueSettings(tags, ticketPrefix, maxConcurrent, serviceTime, retry, calendar, overflowTo, ordering,
                newAdmission, holdWhileServedElsewhere, publicJoins);
    }

    /** The same settings, holding entries while their person is served elsewhere or not. */
    public QueueSettings holdingWhileServedElsewhere(boolean hold) {
        return new QueueSettings(tags, ticketPrefix, maxConcurrent, serviceTime, retry, calendar, overflowTo, ordering,
                admission, hold, publicJoins);
    }

    /** The same settings, taking joins without credentials or not. */
    public QueueSettings takingPublicJoins(boolean open) {
        return new QueueSettings(tags, ticketPrefix, maxConcurrent, serviceTime, retry, calendar, overflowTo, ordering,
                admission, holdWhileServedElsewhere, open);
    }

    /** The human-readable number of the entry given {@code ticket}: {@code A-042}, or {@code 042} without a prefix. */
    public String numberFor(long ticket) {
        String digits = ticket < 1000 ? String.format("%03d", ticket) : Long.toString(ticket);
        return ticketPrefix.isEmpty() ? digits : ticketPrefix + "-" + digits;
    }

    /** True when the queue carries every one of {@code wanted} (and so an empty selector matches every queue). */
    public boolean hasAllTags(java.util.Collection<String> wanted) {
        return tags.containsAll(wanted);
    }
}
