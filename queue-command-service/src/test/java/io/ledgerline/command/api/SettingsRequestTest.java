package io.ledgerline.command.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.ledgerline.queue.QueueSettings;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SettingsRequestTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void the_json_settings_become_the_domains_with_their_calendar() throws Exception {
        SettingsRequest request = json.readValue("""
                {"tags":["critical"],"ticketPrefix":"A","serviceTime":"PT6M",
                 "retry":{"delays":["PT2S"],"maxRetries":1},
                 "calendar":{"zone":"America/New_York","hours":{"monday":["09:00-12:00","13:00-17:00"]},
                             "holidays":["2026-12-25"],"joinsWhileClosed":true}}""", SettingsRequest.class);

        QueueSettings settings = SettingsRequest.toDomain(request);

        assertThat(settings.serviceTime()).isEqualTo(Duration.ofMinutes(6));
        assertThat(settings.calendar().hours().get(DayOfWeek.MONDAY)).hasSize(2);
        assertThat(settings.calendar().holidays()).containsExactly(LocalDate.parse("2026-12-25"));
        assertThat(settings.servesAt(Instant.parse("2026-12-21T15:00:00Z"))).isTrue(); // 10:00 in New York
        assertThat(settings.servesAt(Instant.parse("2026-12-21T17:30:00Z"))).isFalse(); // 12:30
    }

    @Test
    void a_range_or_a_day_that_does_not_parse_is_a_bad_request() throws Exception {
        SettingsRequest request = json.readValue("""
                {"calendar":{"zone":"UTC","hours":{"MONDAY":["9 to 5"]}}}""", SettingsRequest.class);

        assertThatThrownBy(() -> SettingsRequest.toDomain(request)).isInstanceOf(ProblemException.class);
    }

    @Test
    void weights_and_aging_limits_are_read_by_class_name() throws Exception {
        SettingsRequest request = json.readValue("""
                {"ordering":{"weights":{"URGENT":8,"HIGH":4,"normal":2,"LOW":1},"agingLimits":{"LOW":"PT30M"}}}""",
                SettingsRequest.class);

        var ordering = SettingsRequest.toDomain(request).ordering();

        assertThat(ordering.weighted()).isTrue();
        assertThat(ordering.weight(io.ledgerline.queue.Priority.NORMAL)).isEqualTo(2);
        assertThat(ordering.agingLimit(io.ledgerline.queue.Priority.LOW)).contains(Duration.ofMinutes(30));
    }

    @Test
    void an_ordering_naming_no_priority_class_is_a_bad_request() throws Exception {
        SettingsRequest request = json.readValue("""
                {"ordering":{"weights":{"VIP":8}}}""", SettingsRequest.class);

        assertThatThrownBy(() -> SettingsRequest.toDomain(request)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("VIP");
    }
}
