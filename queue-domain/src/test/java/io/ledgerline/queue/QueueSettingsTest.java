package io.ledgerline.queue;

import static io.ledgerline.queue.DeciderSpec.given;
import static io.ledgerline.queue.Fixtures.Q;
import static io.ledgerline.queue.Fixtures.T0;
import static io.ledgerline.queue.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class QueueSettingsTest {

    private static final QueueSettings DESK_A = new QueueSettings(List.of("clinic", "critical", "clinic"), "A", 2,
            Duration.ofMinutes(6), new RetryPolicy(List.of(Duration.ofSeconds(2)), 3));

    private static QueueCreated deskA() {
        return new QueueCreated(Q, "Desk A", 10, DESK_A);
    }

    @Test
    void a_queue_is_created_with_its_settings_and_its_tags_sorted_once() {
        given().when(new CreateQueue(Q, "Desk A", 10, DESK_A))
                .thenEvents(deskA())
                .thenState(state -> {
                    assertThat(state.settings().tags()).containsExactly("clinic", "critical");
                    assertThat(state.settings().hasAllTags(List.of("critical"))).isTrue();
                    assertThat(state.settings().hasAllTags(List.of("critical", "north"))).isFalse();
                });
    }

    @Test
    void an_entry_gets_a_number_from_the_prefix_and_its_ticket() {
        given(deskA(), new EntryJoined(Q, "e1", Priority.NORMAL, 1, T0, "A-001"))
                .when(new JoinQueue(Q, "e2", Priority.NORMAL, at(2)))
                .thenEvents(new EntryJoined(Q, "e2", Priority.NORMAL, 2, at(2), "A-002"))
                .thenState(state -> assertThat(state.entry("e2").orElseThrow().number()).isEqualTo("A-002"));
        assertThat(DESK_A.numberFor(42)).isEqualTo("A-042");
        assertThat(DESK_A.numberFor(1042)).isEqualTo("A-1042");
        assertThat(QueueSettings.DEFAULT.numberFor(7)).isEqualTo("007");
    }

    @Test
    void a_call_says_which_number_goes_to_which_counter() {
        given(deskA(), new EntryJoined(Q, "e1", Priority.NORMAL, 1, T0, "A-001"))
                .when(new CallNext(Q, at(5), "desk 4"))
                .thenEvents(new EntryCalled(Q, "e1", at(5), "A-001", "desk 4"));
    }

    @Test
    void an_entry_joined_before_numbers_existed_gets_the_number_it_would_have_had() {
        QueueState state = QueueDecider.replay(List.of(deskA(), new EntryJoined(Q, "e1", Priority.LOW, 7, T0, null)));

        assertThat(state.entry("e1").orElseThrow().number()).isEqualTo("A-007");
    }

    @Test
    void no_more_entries_are_called_than_the_queue_serves_at_once() {
        given(deskA(), new EntryJoined(Q, "e1", Priority.NORMAL, 1, T0, "A-001"),
                new EntryJoined(Q, "e2", Priority.NORMAL, 2, T0, "A-002"),
                new EntryJoined(Q, "e3", Priority.NORMAL, 3, T0, "A-003"),
                new EntryCalled(Q, "e1", at(5), "A-001", null), new EntryCalled(Q, "e2", at(6), "A-002", null))
                .when(new CallNext(Q, at(7)))
                .thenRejected(RejectionReason.MAX_CONCURRENT_REACHED);
        given(deskA(), new EntryJoined(Q, "e1", Priority.NORMAL, 1, T0, "A-001"),
                new EntryJoined(Q, "e2", Priority.NORMAL, 2, T0, "A-002"),
                new EntryJoined(Q, "e3", Priority.NORMAL, 3, T0, "A-003"),
                new EntryCalled(Q, "e1", at(5), "A-001", null), new EntryCalled(Q, "e2", at(6), "A-002", null),
                new EntryCompleted(Q, "e1", at(7)))
                .when(new CallNext(Q, at(8)))
                .thenEvents(new EntryCalled(Q, "e3", at(8), "A-003", null));
    }

    @Test
    void configuring_replaces_every_setting_at_once() {
        QueueSettings night = new QueueSettings(List.of("night"), "N", 0, null, RetryPolicy.DEFAULT);
        given(deskA()).when(new ConfigureQueue(Q, "Night desk", 5, night))
                .thenEvents(new QueueConfigured(Q, "Night desk", 5, night))
                .thenState(state -> assertThat(state.settings()).isEqualTo(night));
    }

    static Stream<QueueSettings> badSettings() {
        RetryPolicy retry = RetryPolicy.DEFAULT;
        return Stream.of(
                new QueueSettings(List.of("has space"), "", 0, null, retry),
                new QueueSettings(java.util.stream.IntStream.range(0, 21).mapToObj(i -> "t" + i).toList(), "", 0, null, retry),
                new QueueSettings(List.of(), "A-", 0, null, retry),
                new QueueSettings(List.of(), "ABCDEFGHI", 0, null, retry),
                new QueueSettings(List.of(), "", 11, null, retry),
                new QueueSettings(List.of(), "", -1, null, retry),
                new QueueSettings(List.of(), "", 0, Duration.ZERO, retry),
                new QueueSettings(List.of(), "", 0, null, new RetryPolicy(List.of(), 3)),
                new QueueSettings(List.of(), "", 0, null, new RetryPolicy(List.of(Duration.ofSeconds(-1)), 3)),
                new QueueSettings(List.of(), "", 0, null, new RetryPolicy(List.of(Duration.ofDays(31)), 3)),
                new QueueSettings(List.of(), "", 0, null, new RetryPolicy(List.of(Duration.ofSeconds(2)), -1)));
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void settings_out_of_their_limits_are_refused_with_the_command(QueueSettings settings) {
        given().when(new CreateQueue(Q, "Desk A", 10, settings)).thenRejected(RejectionReason.INVALID_COMMAND);
        given(deskA()).when(new ConfigureQueue(Q, "Desk A", 10, settings)).thenRejected(RejectionReason.INVALID_COMMAND);
    }

    @Test
    void a_counter_name_is_bounded_like_any_text() {
        given(deskA(), new EntryJoined(Q, "e1", Priority.NORMAL, 1, T0, "A-001"))
                .when(new CallNext(Q, at(5), "d".repeat(41)))
                .thenRejected(RejectionReason.INVALID_COMMAND);
    }

    @Test
    void the_retry_delay_grows_with_each_attempt_and_stays_at_the_last() {
        RetryPolicy policy = RetryPolicy.DEFAULT;
        assertThat(List.of(1, 2, 3, 4, 9).stream().map(policy::delayBefore)).containsExactly(Duration.ofMinutes(5),
                Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(1));
    }
}
