package io.ledgerline.command.api;

import io.ledgerline.queue.Priority;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Shape checks at the edge: what a request must look like before it becomes a command. Business rules (full,
 * duplicate, paused…) are the decider's, not these.
 */
final class RequestChecks {

    /** Ids travel in URLs, Kafka keys and Redis keys: keep them to a safe, bounded alphabet. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private RequestChecks() {}

    static String id(String field, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw invalid(field + " must be 1-128 characters of letters, digits, '.', '_', ':' or '-'"
                    + " and start with a letter or digit");
        }
        return value;
    }

    static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " is required");
        }
        if (value.length() > maxLength) {
            throw invalid(field + " is longer than " + maxLength + " characters");
        }
        return value.strip();
    }

    static String optionalText(String field, String value, int maxLength) {
        return value == null || value.isBlank() ? "" : text(field, value, maxLength);
    }

    static int capacity(Integer capacity) {
        if (capacity == null || capacity < 1 || capacity > 1_000_000) {
            throw invalid("capacity must be a whole number from 1 to 1000000");
        }
        return capacity;
    }

    static Priority priority(String value, Priority fallback) {
        if (value == null) {
            if (fallback != null) {
                return fallback;
            }
            throw invalid("priority is required: one of " + Arrays.toString(Priority.values()));
        }
        try {
            return Priority.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("priority '" + value + "' is not one of " + Arrays.toString(Priority.values()));
        }
    }

    static <T> T body(T body, String what) {
        if (body == null) {
            throw invalid("a JSON body is required: " + what);
        }
        return body;
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(400, "INVALID_REQUEST", detail);
    }
}
