package io.ledgerline.queue;

import static io.ledgerline.queue.DeciderSpec.given;
import static io.ledgerline.queue.Fixtures.Q;
import static io.ledgerline.queue.Fixtures.T0;
import static io.ledgerline.queue.Fixtures.at;
import static io.ledgerline.queue.Fixtures.called;
import static io.ledgerline.queue.Fixtures.created;
import static io.ledgerline.queue.Fixtures.joined;
import static io.ledgerline.queue.Fixtures.queueIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Closing ends the waiting entries; a planned opening and closing happen by themselves at their instants. */
class CloseAndScheduleTest {

    private static final java.time.Instant OPENS = at(600);
    private static final java.time.Instant CLOSES = at(1200);

    @Test
    void closing_ends_every_waiting_entry_as_closed_out_and_keeps_the_one_being_served() {
        given(created(), joined("e1", Priority.NORMAL, 1), joined("e2", Priority.URGENT, 2),
                joined("e3", Priority.LOW, 3), called("e2"),
                new EntryJoined(Q, "e4", Priority.HIGH, 4, at(4), "004", at(900)))
                .when(new CloseQueue(Q))
                .thenEvents(new QueueClosed(Q, List.of("e1", "e3", "e4"), 3, null))
                .thenState(state -> {
                    assertThat(state.status()).isEqualTo(QueueStatus.CLOSED);
                    assertThat(state.activeEntries()).extracting(Entry::entryId).containsExactly("e2");
                    assertThat(QueueTimers.nextDue(state)).isEmpty();
                });
    }

    @Test
    void a_closed_queue_calls_nobody_and_takes_nobody_until_it_opens_again() {
        given(created(), joined("e1", Priority.NORMAL, 1), new QueueClosed(Q, List.of("e1"), 1, null))
                .when(new CallNext(Q, at(10))).thenRejected(RejectionReason.QUEUE_CLOSED);
        given(created(), new QueueClosed(Q))
                .when(new JoinQueue(Q, "e1", Priority.NORMAL, at(10))).thenRejected(RejectionReason.QUEUE_CLOSED);
        given(created(), new QueueClosed(Q)).when(new CloseQueue(Q)).thenRejected(RejectionReason.QUEUE_CLOSED);
    }

    @Test
    void a_very_large_queue_is_closed_out_in_a_bounded_series_of_events() {
        List<QueueEvent> history = new ArrayList<>(List.of(created(2500)));
        IntStream.rangeClosed(1, 2500).forEach(i -> history.add(joined("e" + i, Priority.NORMAL, i)));

        Decision decision = QueueDecider.decide(new CloseQueue(Q), given(history).state());

        List<QueueEvent> events = ((Decision.Accepted) decision).events();
        assertThat(events).hasSize(3);
        QueueClosed closed = (QueueClosed) events.get(0);
        assertThat(closed.closedOutCount()).isEqualTo(2500);
        assertThat(closed.closedOut()).hasSize(QueueClosed.CHUNK).startsWith("e1");
        assertThat(((EntriesClosedOut) events.get(1)).entryIds()).hasSize(QueueClosed.CHUNK).startsWith("e1001");
        assertThat(((EntriesClosedOut) events.get(2)).entryIds()).hasSize(500).endsWith("e2500");
        QueueState after = given(history).when(new CloseQueue(Q)).after();
        assertThat(after.activeCount()).isZero();
    }

    @Test
    void a_plan_must_lie_ahead_and_close_after_it_opens() {
        given(created()).when(new ScheduleQueue(Q, OPENS, CLOSES, T0))
                .thenEvents(new QueueScheduled(Q, OPENS, CLOSES))
                .thenState(state -> assertThat(QueueTimers.nextDue(state)).contains(OPENS));
        for (ScheduleQueue bad : List.of(new ScheduleQueue(Q, at(-1), null, T0),
                new ScheduleQueue(Q, null, T0, T0), new ScheduleQueue(Q, CLOSES, OPENS, T0),
                new ScheduleQueue(Q, T0.plus(java.time.Duration.ofDays(400)), null, T0),
                new ScheduleQueue(Q, OPENS, null, null))) {
            given(created()).when(bad).thenRejected(RejectionReason.INVALID_COMMAND);
        }
        given(created(), new QueueScheduled(Q, OPENS, CLOSES)).when(new ScheduleQueue(Q, null, null, T0))
                .thenEvents(new QueueScheduled(Q, null, null))
                .thenState(state -> assertThat(QueueTimers.nextDue(state)).isEmpty());
    }

    @Test
    void the_timer_opens_the_queue_at_its_planned_opening_and_closes_it_at_its_planned_closing() {
        List<QueueEvent> planned = new ArrayList<>(queueIn(QueueStatus.CLOSED));
        planned.add(new QueueScheduled(Q, OPENS, CLOSES));
        QueueState state = given(planned).state();
        assertThat(QueueTimers.due(state, OPENS.minusMillis(1))).isEmpty();
        assertThat(QueueTimers.due(state, OPENS)).containsExactly(
                new QueueTimers.TimerCommand("timer.open." + OPENS.toEpochMilli(), new OpenQueue(Q, OPENS)));

        planned.add(new QueueOpened(Q, OPENS));
        QueueState opened = given(planned).state();
        assertThat(opened.status()).isEqualTo(QueueStatus.OPEN);
        assertThat(QueueTimers.nextDue(opened)).contains(CLOSES);
        planned.add(joined("e1", Priority.NORMAL, 1));
        given(planned).when(new CloseQueue(Q, CLOSES))
                .thenEvents(new QueueClosed(Q, List.of("e1"), 1, CLOSES))
                .thenState(closed -> assertThat(QueueTimers.nextDue(closed)).isEmpty());
    }

    @Test
    void a_window_that_passed_unwatched_opens_then_closes_and_a_paused_queue_opens_too() {
        QueueState state = given(created(), new QueuePaused(Q, "before the sale"), new QueueScheduled(Q, OPENS, CLOSES))
                .state();
        assertThat(QueueTimers.due(state, CLOSES.plusSeconds(5))).extracting(QueueTimers.TimerCommand::command)
                .containsExactly(new OpenQueue(Q, OPENS), new CloseQueue(Q, CLOSES));
        given(created(), new QueuePaused(Q, "before the sale"), new QueueScheduled(Q, OPENS, CLOSES))
                .when(new OpenQueue(Q, OPENS)).thenEvents(new QueueOpened(Q, OPENS));
    }

    @Test
    void a_planned_opening_never_lifts_an_emergency_stop_and_lapses_instead() {
        given(created(), new QueueScheduled(Q, OPENS, null), new QueueEmergencyStopped(Q, "fire alarm"))
                .when(new OpenQueue(Q, OPENS))
                .thenEvents(new ScheduleLapsed(Q, "open", OPENS, QueueStatus.EMERGENCY_STOPPED))
                .thenState(state -> {
                    assertThat(state.status()).isEqualTo(QueueStatus.EMERGENCY_STOPPED);
                    assertThat(QueueTimers.nextDue(state)).isEmpty();
                });
        given(created(), new QueueScheduled(Q, OPENS, null))
                .when(new OpenQueue(Q, OPENS))
                .thenEvents(new ScheduleLapsed(Q, "open", OPENS, QueueStatus.OPEN));
    }

    @Test
    void a_timer_firing_for_a_plan_already_consumed_or_replaced_is_refused() {
        given(created(), new QueueClosed(Q), new QueueScheduled(Q, OPENS, null), new QueueOpened(Q, OPENS))
                .when(new OpenQueue(Q, OPENS)).thenRejected(RejectionReason.INVALID_COMMAND);
        given(created(), new QueueScheduled(Q, null, CLOSES), new QueueScheduled(Q, null, CLOSES.plusSeconds(60)))
                .when(new CloseQueue(Q, CLOSES)).thenRejected(RejectionReason.INVALID_COMMAND);
    }
}
