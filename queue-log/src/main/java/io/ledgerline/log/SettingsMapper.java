package io.ledgerline.log;

import io.ledgerline.queue.Admission;
import io.ledgerline.queue.OpeningHours;
import io.ledgerline.queue.Ordering;
import io.ledgerline.queue.Priority;
import io.ledgerline.queue.QueueSettings;
import io.ledgerline.queue.RetryPolicy;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A queue's settings between the domain and the Avro record that commands, events and checkpoints share. Absent
 * settings (records written before they existed, or a sender that wants every default) are the defaults.
 */
public final class SettingsMapper {

    private SettingsMapper() {}

    public static ledgerline.queue.v1.QueueSettings toAvro(QueueSettings settings) {
        return ledgerline.queue.v1.QueueSettings.newBuilder()
                .setTags(settings.tags())
                .setTicketPrefix(settings.ticketPrefix())
                .setMaxConcurrent(settings.maxConcurrent())
                .setServiceTimeMillis(settings.serviceTime() == null ? null : settings.serviceTime().toMillis())
                .setRetryDelaysMillis(settings.retry().delays().stream().map(Duration::toMillis).toList())
                .setMaxRetries(settings.retry().maxRetries())
                .setCalendar(settings.calendar() == null ? null : toAvro(settings.calendar()))
                .setOverflowTo(settings.overflowTo())
                .setOrdering(settings.ordering().equals(Ordering.STRICT) ? null : toAvro(settings.ordering()))
                .setAdmission(!settings.admission().automatic() ? null : new ledgerline.queue.v1.AutomaticAdmission(
                        settings.admission().perMinute(), settings.admission().maxActive(),
                        settings.admission().sessionDuration().toMillis()))
                .setHoldWhileServedElsewhere(settings.holdWhileServedElsewhere() ? Boolean.TRUE : null)
                .setPublicJoins(settings.publicJoins() ? Boolean.TRUE : null)
                .build();
    }

    private static ledgerline.queue.v1.Ordering toAvro(Ordering ordering) {
        Map<String, Integer> weights = new TreeMap<>();
        ordering.weights().forEach((priority, weight) -> weights.put(priority.name(), weight));
        Map<String, Long> aging = new TreeMap<>();
        ordering.agingLimits().forEach((priority, limit) -> aging.put(priority.name(), limit.toMillis()));
        return new ledgerline.queue.v1.Ordering(weights, aging);
    }

    /** @throws MalformedRecordException when a class is not a priority name */
    private static Ordering toDomain(ledgerline.queue.v1.Ordering avro) {
        try {
            Map<Priority, Integer> weights = new EnumMap<>(Priority.class);
            avro.getWeights().forEach((name, weight) -> weights.put(Priority.valueOf(name.toString()), weight));
            Map<Priority, Duration> aging = new EnumMap<>(Priority.class);
            avro.getAgingLimitsMillis().forEach((name, millis) ->
                    aging.put(Priority.valueOf(name.toString()), Duration.ofMillis(millis)));
            return new Ordering(weights, aging);
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException("ordering names a class that is not URGENT, HIGH, NORMAL or LOW: "
                    + e.getMessage());
        }
    }

    private static ledgerline.queue.v1.OpeningHours toAvro(OpeningHours hours) {
        List<ledgerline.queue.v1.OpeningRange> ranges = new ArrayList<>();
        hours.hours().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(day -> day.getValue().forEach(
                range -> ranges.add(new ledgerline.queue.v1.OpeningRange(day.getKey().name(), range.startText(),
                        range.endText()))));
        return new ledgerline.queue.v1.OpeningHours(hours.zone(), ranges,
                hours.holidays().stream().sorted().map(LocalDate::toString).toList(), hours.joinsWhileClosed());
    }

    /** @throws MalformedRecordException when a day, time or date does not parse */
    private static OpeningHours toDomain(ledgerline.queue.v1.OpeningHours avro) {
        try {
            Map<DayOfWeek, List<OpeningHours.Range>> hours = new EnumMap<>(DayOfWeek.class);
            for (ledgerline.queue.v1.OpeningRange range : avro.getHours()) {
                hours.computeIfAbsent(DayOfWeek.valueOf(range.getDay()), day -> new ArrayList<>()).add(
                        OpeningHours.Range.parse(range.getStart(), range.getEnd()));
            }
            Set<LocalDate> holidays = new HashSet<>();
            avro.getHolidays().forEach(date -> holidays.add(LocalDate.parse(date)));
            return new OpeningHours(avro.getZone(), hours, holidays, avro.getJoinsWhileClosed());
        } catch (RuntimeException e) {
            throw new MalformedRecordException("calendar does not parse: " + e.getMessage());
        }
    }

    public static QueueSettings toDomain(ledgerline.queue.v1.QueueSettings avro) {
        if (avro == null) {
            return QueueSettings.DEFAULT;
        }
        List<Duration> delays = avro.getRetryDelaysMillis().stream().map(Duration::ofMillis).toList();
        return new QueueSettings(avro.getTags(), avro.getTicketPrefix(), avro.getMaxConcurrent(),
                avro.getServiceTimeMillis() == null ? null : Duration.ofMillis(avro.getServiceTimeMillis()),
                new RetryPolicy(delays, avro.getMaxRetries()),
                avro.getCalendar() == null ? null : toDomain(avro.getCalendar()), avro.getOverflowTo(),
                avro.getOrdering() == null ? Ordering.STRICT : toDomain(avro.getOrdering()),
                avro.getAdmission() == null ? Admission.MANUAL : Admission.automatic(avro.getAdmission().getPerMinute(),
                        avro.getAdmission().getMaxActive(),
                        Duration.ofMillis(avro.getAdmission().getSessionDurationMillis())),
                Boolean.TRUE.equals(avro.getHoldWhileServedElsewhere()), Boolean.TRUE.equals(avro.getPublicJoins()));
    }
}
