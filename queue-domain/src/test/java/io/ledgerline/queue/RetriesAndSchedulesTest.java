package io.ledgerline.queue;

import static io.ledgerline.queue.DeciderSpec.given;
import static io.ledgerline.queue.Fixtures.Q;
import static io.ledgerline.queue.Fixtures.T0;
import static io.ledgerline.queue.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetriesAndSchedulesTest {

    private static final RetryPolicy TWO_TRIES = new RetryPolicy(List.of(Duration.ofSeconds(2), Duration.ofSeconds(5)), 2);

    private static QueueCreated campaign() {
        return new QueueCreated(Q, "Campaign", 10, new QueueSettings(List.of(), "", 0, null, TWO_TRIES));
    }

    private static EntryJoined lead(String id, long ticket) {
        return new EntryJoined(Q, id, Priority.NORMAL, ticket, T0, QueueSettings.DEFAULT.numberFor(ticket));
    }

    private static EntryCalled calledAt(String id, long ticket, Instant at) {
        return new EntryCalled(Q, id, at, QueueSettings.DEFAULT.numberFor(ticket), null);
    }

    @Test
    void a_failed_attempt_comes_back_after_the_first_delay_keeping_its_ticket() {
        given(campaign(), lead("e1", 1), calledAt("e1", 1, at(10)))
                .when(new FailEntry(Q, "e1", "no answer", at(20)))
                .thenEvents(new EntryFailed(Q, "e1", "no answer", 1, at(20), at(22)))
                .thenState(state -> {
                    Entry e1 = state.entry("e1").orElseThrow();
                    assertThat(e1.status()).isEqualTo(EntryStatus.WAITING);
                    assertThat(e1.heldUntil()).isEqualTo(at(22));
                    assertThat(e1.attempts()).isEqualTo(1);
                    assertThat(state.rankOf("e1")).isEmpty();
                    assertThat(state.nextToCall()).isEmpty();
                    assertThat(QueueTimers.nextDue(state)).contains(at(22));
                });
    }

    @Test
    void the_second_failure_waits_the_second_delay_and_one_more_than_max_retries_ends_it_failed() {
        given(campaign(), lead("e1", 1), calledAt("e1", 1, at(10)),
                new EntryFailed(Q, "e1", "no answer", 1, at(20), at(22)), new EntryReleased(Q, "e1"),
                calledAt("e1", 1, at(30)))
                .when(new FailEntry(Q, "e1", "busy", at(40)))
                .thenEvents(new EntryFailed(Q, "e1", "busy", 2, at(40), at(45)));
        given(campaign(), lead("e1", 1), calledAt("e1", 1, at(10)),
                new EntryFailed(Q, "e1", "no answer", 1, at(20), at(22)), new EntryReleased(Q, "e1"),
                calledAt("e1", 1, at(30)), new EntryFailed(Q, "e1", "busy", 2, at(40), at(45)),
                new EntryReleased(Q, "e1"), calledAt("e1", 1, at(50)))
                .when(new FailEntry(Q, "e1", "wrong number", at(60)))
                .thenEvents(new EntryFailed(Q, "e1", "wrong number", 3, at(60), null))
                .thenState(state -> assertThat(state.entry("e1")).isEmpty());
    }

    @Test
    void only_a_called_entry_can_fail_and_a_reason_is_required() {
        given(campaign(), lead("e1", 1)).when(new FailEntry(Q, "e1", "no answer", at(20)))
                .thenRejected(RejectionReason.ENTRY_NOT_CALLED);
        given(campaign(), lead("e1", 1), calledAt("e1", 1, at(10))).when(new FailEntry(Q, "e1", " ", at(20)))
                .thenRejected(RejectionReason.INVALID_COMMAND);
    }

    @Test
    void a_held_entry_is_released_by_its_time_into_its_place_by_ticket() {
        List<QueueEvent> history = new ArrayList<>(List.of(campaign(), lead("e1", 1), lead("e2", 2),
                calledAt("e1", 1, at(10)), new EntryFailed(Q, "e1", "no answer", 1, at(20), at(22))));
        given(history).when(new ReleaseDueEntries(Q, at(21))).thenRejected(RejectionReason.INVALID_COMMAND);
        given(history).when(new ReleaseDueEntries(Q, at(23)))
                .thenEvents(new EntryReleased(Q, "e1"))
                .thenState(state -> {
                    assertThat(state.rankOf("e1")).hasValue(1);
                    assertThat(state.rankOf("e2")).hasValue(2);
                    assertThat(state.heldCount()).isZero();
                });
    }

    @Test
    void a_scheduled_entry_holds_its_ticket_and_is_not_callable_before_its_time() {
        given(campaign()).when(new JoinQueue(Q, "later", Priority.NORMAL, T0, at(3600)))
                .thenEvents(new EntryJoined(Q, "later", Priority.NORMAL, 1, T0, "001", at(3600)))
                .thenState(state -> {
                    assertThat(state.nextToCall()).isEmpty();
                    assertThat(state.activeCount()).isEqualTo(1);
                    assertThat(QueueTimers.due(state, at(3600))).extracting(QueueTimers.TimerCommand::commandId)
                            .containsExactly("timer.release." + at(3600).toEpochMilli());
                });
        given(campaign(), new EntryJoined(Q, "later", Priority.NORMAL, 1, T0, "001", at(3600)), lead("now", 2))
                .when(new CallNext(Q, at(60)))
                .thenEvents(new EntryCalled(Q, "now", at(60), "002", null));
    }

    @Test
    void a_schedule_in_the_past_is_callable_at_once_and_one_beyond_a_year_is_refused() {
        given(campaign()).when(new JoinQueue(Q, "e1", Priority.NORMAL, T0, T0.minusSeconds(60)))
                .thenEvents(new EntryJoined(Q, "e1", Priority.NORMAL, 1, T0, "001", null));
        given(campaign()).when(new JoinQueue(Q, "e1", Priority.NORMAL, T0, T0.plus(Duration.ofDays(400))))
                .thenRejected(RejectionReason.INVALID_COMMAND);
    }

    @Test
    void the_timer_wakes_first_then_releases_when_both_are_due() {
        QueueState state = QueueDecider.replay(List.of(campaign(),
                new EntryJoined(Q, "later", Priority.NORMAL, 1, T0, "001", at(100)), new QueueSlept(Q, at(50))));

        assertThat(QueueTimers.nextDue(state)).contains(at(50));
        assertThat(QueueTimers.due(state, at(200))).extracting(t -> t.command().getClass().getSimpleName())
                .containsExactly("WakeQueue", "ReleaseDueEntries");
    }

    @Test
    void a_state_with_held_entries_restores_from_a_snapshot_as_replayed() {
        QueueState replayed = QueueDecider.replay(List.of(campaign(), lead("e1", 1), lead("e2", 2),
                calledAt("e1", 1, at(10)), new EntryFailed(Q, "e1", "no answer", 1, at(20), at(22)),
                new EntryJoined(Q, "e3", Priority.HIGH, 3, T0, "003", at(500))));
        QueueState restored = QueueState.restore(Q, replayed.name(), replayed.capacity(), replayed.settings(),
                replayed.status(), replayed.sleepingUntil(), replayed.nextTicket(), replayed.virtualTime(), replayed.lastAdmissionAt(), replayed.activeEntries(), replayed.schedule());

        assertThat(restored).isEqualTo(replayed);
        assertThat(restored.heldCount()).isEqualTo(2);
    }
}
