package io.ledgerline.queue;

import java.time.Duration;
import java.time.Instant;

/**
 * How people are let in. MANUAL: staff or workers call next. AUTOMATIC, a waiting room: the queue admits
 * {@code perMinute} people at a steady rate while fewer than {@code maxActive} hold an admission, and each admission
 * is valid for {@code sessionDuration} (the model of Queue-it and Cloudflare Waiting Room: new users per minute, total
 * active users, session duration). Admissions and expiries are timer events; nobody calls next in such a queue.
 */
public record Admission(boolean automatic, int perMinute, int maxActive, Duration sessionDuration) {

    public static final Admission MANUAL = new Admission(false, 0, 0, null);
    static final int PER_MINUTE_MAX = 60_000;
    static final Duration SESSION_MIN = Duration.ofSeconds(1);
    static final Duration SESSION_MAX = Duration.ofDays(1);

    /**
     * How far a late timer catches up: admissions due longer ago than this are not made up in a burst, so the rate
     * stays steady after the queue stood empty or paused.
     */
    static final Duration CATCH_UP = Duration.ofSeconds(1);

    public static Admission automatic(int perMinute, int maxActive, Duration sessionDuration) {
        return new Admission(true, perMinute, maxActive, sessionDuration);
    }

    /** The time between two admissions, in whole milliseconds (events carry milliseconds). */
    public Duration interval() {
        return Duration.ofMillis(Math.max(1, 60_000L / perMinute));
    }

    /** The first moment an admission may be made after the last one, or since ever (null) at once. */
    Instant nextSlot(Instant lastAdmissionAt) {
        return lastAdmissionAt == null ? Instant.EPOCH : lastAdmissionAt.plus(interval());
    }

    String problem(int capacity) {
        if (!automatic) {
            return perMinute != 0 || maxActive != 0 || sessionDuration != null
                    ? "admission MANUAL takes no perMinute, maxActive or sessionDuration" : null;
        }
        if (perMinute < 1 || perMinute > PER_MINUTE_MAX) {
            return "admission.perMinute must be from 1 to " + PER_MINUTE_MAX + ", was " + perMinute;
        }
        if (maxActive < 1 || maxActive > capacity) {
            return "admission.maxActive must be from 1 to the capacity " + capacity + ", was " + maxActive;
        }
        if (sessionDuration == null || sessionDuration.compareTo(SESSION_MIN) < 0
                || sessionDuration.compareTo(SESSION_MAX) > 0) {
            return "admission.sessionDuration must be from " + SESSION_MIN + " to " + SESSION_MAX + ", was "
                    + sessionDuration;
        }
        return null;
    }
}
