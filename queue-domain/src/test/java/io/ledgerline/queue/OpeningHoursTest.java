package io.ledgerline.queue;

import static io.ledgerline.queue.DeciderSpec.given;
import static io.ledgerline.queue.Fixtures.Q;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A call campaign in New York: 9-12 and 13-17 on weekdays, closed on Christmas; Monday 2026-12-21 is a weekday. */
class OpeningHoursTest {

    private static final List<OpeningHours.Range> DAY = List.of(
            new OpeningHours.Range(LocalTime.of(9, 0), LocalTime.of(12, 0)),
            new OpeningHours.Range(LocalTime.of(13, 0), LocalTime.of(17, 0)));
    private static final OpeningHours NEW_YORK = new OpeningHours("America/New_York", Map.of(
            DayOfWeek.MONDAY, DAY, DayOfWeek.TUESDAY, DAY, DayOfWeek.WEDNESDAY, DAY, DayOfWeek.THURSDAY, DAY,
            DayOfWeek.FRIDAY, DAY), Set.of(LocalDate.parse("2026-12-25")), true);

    private static QueueCreated campaign(OpeningHours hours) {
        return new QueueCreated(Q, "Campaign", 10, new QueueSettings(List.of(), "", 0, null, RetryPolicy.DEFAULT, hours));
    }

    private static Instant newYork(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(java.time.ZoneId.of("America/New_York")).toInstant();
    }

    @Test
    void open_inside_a_range_of_an_active_day_in_the_queues_own_timezone() {
        assertThat(NEW_YORK.isOpenAt(newYork("2026-12-21T09:00"))).isTrue();
        assertThat(NEW_YORK.isOpenAt(newYork("2026-12-21T11:59:59"))).isTrue();
        assertThat(NEW_YORK.isOpenAt(newYork("2026-12-21T12:00"))).as("a range ends before its end").isFalse();
        assertThat(NEW_YORK.isOpenAt(newYork("2026-12-21T08:59"))).isFalse();
        assertThat(NEW_YORK.isOpenAt(newYork("2026-12-19T10:00"))).as("Saturday").isFalse();
        assertThat(NEW_YORK.isOpenAt(newYork("2026-12-25T10:00"))).as("holiday").isFalse();
        // 15:00 UTC is 10:00 in New York in winter, and 16:00 in Paris, where it would be another answer
        assertThat(NEW_YORK.isOpenAt(Instant.parse("2026-12-21T15:00:00Z"))).isTrue();
        assertThat(NEW_YORK.isOpenAt(Instant.parse("2026-12-21T13:30:00Z"))).isFalse();
    }

    @Test
    void a_range_may_end_at_24_00_to_run_to_midnight() {
        OpeningHours allDay = new OpeningHours("America/New_York",
                Map.of(java.time.DayOfWeek.MONDAY, List.of(OpeningHours.Range.parse("00:00", "24:00"))), Set.of(), false);
        assertThat(allDay.isOpenAt(newYork("2026-12-21T23:59:59.999"))).isTrue();
        assertThat(allDay.isOpenAt(newYork("2026-12-21T00:00"))).isTrue();
        assertThat(allDay.isOpenAt(newYork("2026-12-22T00:00"))).isFalse();
        assertThat(allDay.problem()).isNull();
        assertThat(OpeningHours.Range.parse(" 09:00", "24:00 ")).hasToString("09:00-24:00");
    }

    @Test
    void nobody_is_called_outside_the_hours_and_the_line_is_kept() {
        EntryJoined lead = new EntryJoined(Q, "e1", Priority.NORMAL, 1, newYork("2026-12-21T08:00"));
        given(campaign(NEW_YORK), lead).when(new CallNext(Q, newYork("2026-12-21T12:30")))
                .thenRejected(RejectionReason.OUTSIDE_HOURS).withDetailContaining("America/New_York");
        given(campaign(NEW_YORK), lead).when(new CallNext(Q, newYork("2026-12-21T13:00")))
                .thenEvents(new EntryCalled(Q, "e1", newYork("2026-12-21T13:00"), "001", null));
    }

    @Test
    void joining_while_closed_waits_for_the_opening_or_is_refused_as_the_calendar_says() {
        Instant night = newYork("2026-12-21T22:00");
        given(campaign(NEW_YORK)).when(new JoinQueue(Q, "e1", Priority.NORMAL, night))
                .thenEvents(new EntryJoined(Q, "e1", Priority.NORMAL, 1, night));
        OpeningHours strict = new OpeningHours(NEW_YORK.zone(), NEW_YORK.hours(), NEW_YORK.holidays(), false);
        given(campaign(strict)).when(new JoinQueue(Q, "e1", Priority.NORMAL, night))
                .thenRejected(RejectionReason.OUTSIDE_HOURS);
    }

    @Test
    void a_calendar_must_name_a_real_zone_open_some_day_and_have_ranges_that_end_after_they_start() {
        var bad = List.of(
                new OpeningHours("Mars/Olympus", NEW_YORK.hours(), Set.of(), true),
                new OpeningHours("UTC", Map.of(), Set.of(), true),
                new OpeningHours("UTC", Map.of(DayOfWeek.MONDAY,
                        List.of(new OpeningHours.Range(LocalTime.of(17, 0), LocalTime.of(9, 0)))), Set.of(), true));
        for (OpeningHours hours : bad) {
            given().when(new CreateQueue(Q, "Campaign", 10,
                            new QueueSettings(List.of(), "", 0, null, RetryPolicy.DEFAULT, hours)))
                    .thenRejected(RejectionReason.INVALID_COMMAND);
        }
    }
}
