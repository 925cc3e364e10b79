package io.ledgerline.queue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a queue serves, in its own timezone: ranges of local time per weekday (several a day; a day without ranges is
 * not an active day), and holidays on which it does not serve at all. Calling is refused outside these hours; joining
 * is too, unless {@code joinsWhileClosed}, in which case the entry waits, not callable, until the queue opens.
 * Decided from the time a command carries, never from a clock, so a replay decides the same.
 *
 * @param zone             an IANA timezone id, e.g. {@code America/New_York}
 * @param hours            per weekday, the ranges served; a range ends before its end time
 * @param holidays         local dates on which the queue does not serve
 * @param joinsWhileClosed whether people may join outside the hours
 */
public record OpeningHours(String zone, Map<DayOfWeek, List<Range>> hours, Set<LocalDate> holidays,
                           boolean joinsWhileClosed) {

    /**
     * From {@code start} (inclusive) to {@code end} (exclusive), local time; {@code end} after {@code start}. An end
     * of {@code 24:00} ({@link LocalTime#MAX} here) runs to midnight, so a range can cover a whole day.
     */
    public record Range(LocalTime start, LocalTime end) {

        private static final String MIDNIGHT = "24:00";

        public Range {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
        }

        /** From {@code HH:mm} texts; the end may be {@code 24:00}. */
        public static Range parse(String start, String end) {
            return new Range(LocalTime.parse(start.strip()),
                    MIDNIGHT.equals(end.strip()) ? LocalTime.MAX : LocalTime.parse(end.strip()));
        }

        boolean contains(LocalTime time) {
            return !time.isBefore(start) && (end.equals(LocalTime.MAX) || time.isBefore(end));
        }

        public String startText() {
            return start.toString();
        }

        public String endText() {
            return end.equals(LocalTime.MAX) ? MIDNIGHT : end.toString();
        }

        @Override
        public String toString() {
            return startText() + "-" + endText();
        }
    }

    public OpeningHours {
        Objects.requireNonNull(zone, "zone");
        Map<DayOfWeek, List<Range>> copy = new EnumMap<>(DayOfWeek.class);
        Objects.requireNonNull(hours, "hours").forEach((day, ranges) -> copy.put(day, List.copyOf(ranges)));
        hours = Map.copyOf(copy);
        holidays = Set.copyOf(new TreeSet<>(Objects.requireNonNull(holidays, "holidays")));
    }

    /** True when {@code at} falls inside a range of its local weekday and not on a holiday. */
    public boolean isOpenAt(Instant at) {
        ZonedDateTime local = at.atZone(ZoneId.of(zone));
        if (holidays.contains(local.toLocalDate())) {
            return false;
        }
        return hours.getOrDefault(local.getDayOfWeek(), List.of()).stream()
                .anyMatch(range -> range.contains(local.toLocalTime()));
    }

    /** The first problem with these hours, or null when they are well formed. */
    String problem() {
        try {
            ZoneId.of(zone);
        } catch (RuntimeException e) {
            return "calendar.zone '" + zone + "' is not an IANA timezone";
        }
        if (hours.values().stream().allMatch(List::isEmpty)) {
            return "calendar.hours must open on at least one weekday";
        }
        for (Map.Entry<DayOfWeek, List<Range>> day : hours.entrySet()) {
            if (day.getValue().size() > 12) {
                return "calendar.hours has at most 12 ranges a day, " + day.getKey() + " has " + day.getValue().size();
            }
            for (Range range : day.getValue()) {
                if (!range.end().isAfter(range.start())) {
                    return "calendar range " + range + " on " + day.getKey() + " does not end after it starts";
                }
            }
        }
        return holidays.size() > 366 ? "calendar.holidays lists at most 366 dates" : null;
    }
}
