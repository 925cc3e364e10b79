package io.ledgerline.queue;

import java.time.Duration;
import java.time.Instant;

/**
 * The one set of limits on what a command may carry, whichever road it came by (REST or a record on the commands
 * topic). Stores size their columns from these numbers, so nothing the decider accepts can break a reader.
 * Each check answers a sentence describing the problem, or null when the value is fine.
 */
public final class FieldLimits {

    /** Longest id (queue, entry, command, idempotency key). */
    public static final int ID_MAX = 128;
    /** Longest queue name. */
    public static final int NAME_MAX = 200;
    /** Longest free text an operator writes: pause and stop reasons, justifications. */
    public static final int TEXT_MAX = 500;
    /** Longest actor name recorded in the audit trail. */
    public static final int ACTOR_MAX = 200;
    public static final int CAPACITY_MAX = 1_000_000;
    /** A counter or desk name, as a display board shows it. */
    public static final int COUNTER_MAX = 40;
    /** How far ahead a queue may be put to sleep; further is almost surely a typo in the year. */
    public static final Duration SLEEP_HORIZON = Duration.ofDays(366);

    private FieldLimits() {
    }

    /**
     * Ids travel in URLs, Kafka keys and Redis keys: a safe, bounded alphabet. Checked for every id of every command
     * on the decider's thread, so a loop over the characters rather than a regular expression (which was 11% of the
     * decider's thread in a profile).
     */
    public static String id(String field, String value) {
        if (!isId(value)) {
            return field + " must be 1-" + ID_MAX + " characters of letters, digits, '.', '_', ':' or '-'"
                    + " and start with a letter or digit";
        }
        return null;
    }

    private static boolean isId(String value) {
        if (value == null || value.isEmpty() || value.length() > ID_MAX || !isLetterOrDigit(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isLetterOrDigit(c) && c != '.' && c != '_' && c != ':' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** Required text: not blank, at most {@code max} characters. */
    public static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return field + " must not be blank";
        }
        return optionalText(field, value, max);
    }

    /** Text that may be absent or blank, but not longer than {@code max} characters nor holding control characters. */
    public static String optionalText(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            return field + " is longer than " + max + " characters";
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            return field + " holds control characters";
        }
        return null;
    }

    public static String capacity(int capacity) {
        return capacity < 1 || capacity > CAPACITY_MAX
                ? "capacity must be a whole number from 1 to " + CAPACITY_MAX + ", was " + capacity
                : null;
    }

    /** An entry may be scheduled up to the horizon after it joins; a time in the past makes it callable at once. */
    public static String scheduledAt(Instant scheduledAt, Instant joinedAt) {
        if (joinedAt != null && scheduledAt.isAfter(joinedAt.plus(SLEEP_HORIZON))) {
            return "scheduledAt " + scheduledAt + " is more than " + SLEEP_HORIZON.toDays() + " days ahead";
        }
        return null;
    }

    /** A wake time must lie after the moment the sleep was asked for, and within the horizon. */
    public static String wakeTime(Instant until, Instant requestedAt) {
        return until == null ? "until is required" : futureTime("until", until, requestedAt);
    }

    /** A time a queue is to act at: after the request, so a typo cannot plan for 1970, and within a year. */
    public static String futureTime(String field, Instant at, Instant requestedAt) {
        if (requestedAt != null && !at.isAfter(requestedAt)) {
            return field + " " + at + " is not after the time of the request, " + requestedAt;
        }
        if (requestedAt != null && at.isAfter(requestedAt.plus(SLEEP_HORIZON))) {
            return field + " " + at + " is more than " + SLEEP_HORIZON.toDays() + " days ahead";
        }
        return null;
    }
}
