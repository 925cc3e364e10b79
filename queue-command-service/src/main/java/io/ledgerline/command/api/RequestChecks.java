package io.ledgerline.command.api;

import io.ledgerline.queue.CommandShape;
import io.ledgerline.queue.FieldLimits;
import io.ledgerline.queue.Priority;
import io.ledgerline.queue.QueueCommand;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * What a request must look like before it becomes a command. The limits themselves are the domain's
 * ({@link FieldLimits}, {@link CommandShape}), so REST and the commands topic refuse exactly the same things; this
 * class only reads JSON values into command fields and turns a broken limit into a 400. Business rules (full,
 * duplicate, paused…) are the decider's, not these.
 */
final class RequestChecks {

    /** The header that names a command, so that a retry is the same command. */
    static final String KEY = "Idempotency-Key";

    private RequestChecks() {}

    /** The command's id: from the {@code Idempotency-Key} when there is one, at random otherwise. */
    static String commandId(String key) {
        return key == null ? UUID.randomUUID().toString() : id(KEY, key);
    }

    /**
     * An id the caller left out (an entry's, a lottery's): named after the key within {@code scope}, so a retry names the
     * same thing; random without a key.
     */
    static String idFromKey(String scope, String key) {
        return key == null
                ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes((scope + '\n' + key).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    /** A JSON list as the request gave it (none: empty); a null element is refused, naming the list. */
    static <T> List<T> withoutNulls(String field, List<T> values) {
        if (values == null) {
            return List.of();
        }
        if (values.stream().anyMatch(Objects::isNull)) {
            throw invalid(field + " holds a null");
        }
        return values;
    }

    static String id(String field, String value) {
        return valid(value, FieldLimits.id(field, value));
    }

    /** Free text as written, trimmed; null stays null so the domain can say it is required. */
    static String trimmed(String value) {
        return value == null ? null : value.strip();
    }

    static int capacity(Integer capacity) {
        if (capacity == null) {
            throw invalid("capacity is required: a whole number from 1 to " + FieldLimits.CAPACITY_MAX);
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

    /** The domain's own shape check, asked before the command travels: a 400 now instead of a rejection later. */
    static <C extends QueueCommand> C wellFormed(C command) {
        return valid(command, CommandShape.problem(command));
    }

    private static <T> T valid(T value, String problem) {
        if (problem != null) {
            throw invalid(problem);
        }
        return value;
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(400, "INVALID_REQUEST", detail);
    }
}
