package io.ledgerline.command.api;

import io.ledgerline.queue.Admission;
import io.ledgerline.queue.OpeningHours;
import io.ledgerline.queue.Ordering;
import io.ledgerline.queue.Priority;
import io.ledgerline.queue.QueueSettings;
import io.ledgerline.queue.RetryPolicy;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A queue's settings as JSON: {@code {"tags":["critical"], "ticketPrefix":"A", "maxConcurrent":2,
 * "serviceTime":"PT6M", "retry":{"delays":["PT5M","PT15M"], "maxRetries":4},
 * "calendar":{"zone":"America/New_York", "hours":{"MONDAY":["09:00-12:00","13:00-17:00"]}, "holidays":["2026-12-25"],
 * "joinsWhileClosed":true}, "ordering":{"weights":{"URGENT":8,"HIGH":4,"NORMAL":2,"LOW":1},
 * "agingLimits":{"LOW":"PT30M"}}, "admission":{"mode":"AUTOMATIC","perMinute":100,"maxActive":500,
 * "sessionDuration":"PT10M"}, "holdWhileServedElsewhere":true, "publicJoins":true}}. Every field may be left out for its default;
 * durations are ISO-8601. The domain checks the limits (CommandShape), the same as for the topic.
 */
public record SettingsRequest(List<String> tags, String ticketPrefix, Integer maxConcurrent, Duration serviceTime,
                              Retry retry, Calendar calendar, String overflowTo, OrderingRequest ordering,
                              AdmissionRequest admission, Boolean holdWhileServedElsewhere,
                              Boolean publicJoins) {

    /**
     * {@code {"mode":"AUTOMATIC","perMinute":100,"maxActive":500,"sessionDuration":"PT10M"}} for a waiting room;
     * {@code {"mode":"MANUAL"}} or left out for staff calling next.
     */
    public record AdmissionRequest(String mode, Integer perMinute, Integer maxActive, Duration sessionDuration) {

        Admission toDomain() {
            String chosen = mode == null ? "MANUAL" : mode.strip().toUpperCase(Locale.ROOT);
            return switch (chosen) {
                case "MANUAL" -> new Admission(false, perMinute == null ? 0 : perMinute,
                        maxActive == null ? 0 : maxActive, sessionDuration);
                case "AUTOMATIC" -> Admission.automatic(perMinute == null ? 0 : perMinute,
                        maxActive == null ? 0 : maxActive, sessionDuration);
                default -> throw new ProblemException(400, "INVALID_REQUEST",
                        "admission.mode must be MANUAL or AUTOMATIC, was '" + mode + "'");
            };
        }
    }

    /** Weights and aging limits by priority class name; both left out (or the whole object) for strict priority. */
    public record OrderingRequest(Map<String, Integer> weights, Map<String, Duration> agingLimits) {

        Ordering toDomain() {
            return new Ordering(byClass("weights", weights), byClass("agingLimits", agingLimits));
        }

        private static <V> Map<Priority, V> byClass(String field, Map<String, V> values) {
            Map<Priority, V> byClass = new EnumMap<>(Priority.class);
            (values == null ? Map.<String, V>of() : values).forEach((name, value) -> {
                try {
                    byClass.put(Priority.valueOf(name.strip().toUpperCase(Locale.ROOT)), value);
                } catch (IllegalArgumentException e) {
                    throw new ProblemException(400, "INVALID_REQUEST", "ordering." + field + ": '" + name
                            + "' is not a priority class (URGENT, HIGH, NORMAL, LOW)");
                }
            });
            return byClass;
        }
    }

    /** Opening hours: per weekday name, ranges "HH:mm-HH:mm" of local time in {@code zone}. */
    public record Calendar(String zone, Map<String, List<String>> hours, List<String> holidays,
                           Boolean joinsWhileClosed) {

        OpeningHours toDomain() {
            try {
                Map<DayOfWeek, List<OpeningHours.Range>> byDay = new EnumMap<>(DayOfWeek.class);
                (hours == null ? Map.<String, List<String>>of() : hours).forEach((day, ranges) -> byDay.put(
                        DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT)),
                        ranges.stream().map(Calendar::range).toList()));
                Set<LocalDate> dates = new HashSet<>();
                (holidays == null ? List.<String>of() : holidays).forEach(date -> dates.add(LocalDate.parse(date)));
                return new OpeningHours(zone == null ? "" : zone.strip(), byDay, dates,
                        joinsWhileClosed != null && joinsWhileClosed);
            } catch (RuntimeException e) {
                throw new ProblemException(400, "INVALID_REQUEST", "calendar: expected weekday names, ranges like"
                        + " \"09:00-17:00\" and dates like \"2026-12-25\" (" + e.getMessage() + ")");
            }
        }

        private static OpeningHours.Range range(String text) {
            String[] ends = text.split("-", 2);
            return OpeningHours.Range.parse(ends[0], ends[1]);
        }
    }

    /** {@code delays} left out keeps the default backoff; {@code maxRetries} left out keeps the default count. */
    public record Retry(List<Duration> delays, Integer maxRetries) {}

    static QueueSettings toDomain(SettingsRequest request) {
        if (request == null) {
            return QueueSettings.DEFAULT;
        }
        RetryPolicy retry = RetryPolicy.DEFAULT;
        if (request.retry() != null) {
            List<Duration> delays = request.retry().delays() == null ? retry.delays()
                    : RequestChecks.withoutNulls("retry.delays", request.retry().delays());
            retry = new RetryPolicy(delays,
                    request.retry().maxRetries() == null ? retry.maxRetries() : request.retry().maxRetries());
        }
        List<String> tags = RequestChecks.withoutNulls("tags", request.tags());
        return new QueueSettings(tags, request.ticketPrefix() == null ? "" : request.ticketPrefix().strip(),
                request.maxConcurrent() == null ? 0 : request.maxConcurrent(), request.serviceTime(), retry,
                request.calendar() == null ? null : request.calendar().toDomain(),
                request.overflowTo() == null ? null : request.overflowTo().strip(),
                request.ordering() == null ? Ordering.STRICT : request.ordering().toDomain(),
                request.admission() == null ? Admission.MANUAL : request.admission().toDomain(),
                Boolean.TRUE.equals(request.holdWhileServedElsewhere()), Boolean.TRUE.equals(request.publicJoins()));
    }
}
