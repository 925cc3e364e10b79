package io.ledgerline.queue;

import static io.ledgerline.queue.DeciderSpec.given;
import static io.ledgerline.queue.Fixtures.Q;
import static io.ledgerline.queue.Fixtures.T0;
import static io.ledgerline.queue.Fixtures.WAKE_AT;
import static io.ledgerline.queue.Fixtures.called;
import static io.ledgerline.queue.Fixtures.created;
import static io.ledgerline.queue.Fixtures.joined;
import static io.ledgerline.queue.Fixtures.queueIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallNextTest {

    @Test
    void the_highest_priority_is_called_first_whatever_its_ticket() {
        given(created(), joined("low", Priority.LOW, 1), joined("normal", Priority.NORMAL, 2),
                joined("urgent", Priority.URGENT, 3), joined("high", Priority.HIGH, 4))
                .when(new CallNext(Q, T0))
                .thenEvents(new EntryCalled(Q, "urgent", T0, "003", null))
                .thenState(state -> {
                    assertThat(state.entry("urgent").orElseThrow().status()).isEqualTo(EntryStatus.CALLED);
                    assertThat(state.rankOf("urgent")).isEmpty();
                    assertThat(state.rankOf("high")).hasValue(1);
                    assertThat(state.rankOf("low")).hasValue(3);
                });
    }

    @Test
    void within_a_priority_first_come_first_served() {
        given(created(), joined("second", Priority.HIGH, 2), joined("first", Priority.HIGH, 1))
                .when(new CallNext(Q, T0))
                .thenEvents(new EntryCalled(Q, "first", T0, "001", null));
    }

    @Test
    void a_requeued_entry_gets_its_original_place_back() {
        given(created(), joined("e1", Priority.NORMAL, 1), joined("e2", Priority.NORMAL, 2), called("e1"),
                new EntryRequeued(Q, "e1"))
                .when(new CallNext(Q, T0))
                .thenEvents(new EntryCalled(Q, "e1", T0, "001", null));
    }

    @Test
    void a_raised_priority_moves_the_entry_ahead() {
        given(created(), joined("e1", Priority.NORMAL, 1), joined("e2", Priority.LOW, 2),
                new EntryPriorityChanged(Q, "e2", Priority.LOW, Priority.URGENT, "chest pain"))
                .when(new CallNext(Q, T0))
                .thenEvents(new EntryCalled(Q, "e2", T0, "002", null));
    }

    @Test
    void a_closed_queue_calls_nobody() {
        given(created(), joined("e1", Priority.NORMAL, 1), new QueueClosed(Q, java.util.List.of("e1"), 1, null))
                .when(new CallNext(Q, T0))
                .thenRejected(RejectionReason.QUEUE_CLOSED);
    }

    @Test
    void a_paused_queue_calls_nobody() {
        given(created(), joined("e1", Priority.NORMAL, 1), new QueuePaused(Q, "lunch"))
                .when(new CallNext(Q, T0))
                .thenRejected(RejectionReason.QUEUE_PAUSED);
    }

    @Test
    void an_emergency_stopped_queue_calls_nobody() {
        given(created(), joined("e1", Priority.NORMAL, 1), new QueueEmergencyStopped(Q, "fire alarm"))
                .when(new CallNext(Q, T0))
                .thenRejected(RejectionReason.QUEUE_EMERGENCY_STOPPED);
    }

    @Test
    void a_sleeping_queue_calls_nobody_before_its_wake_time() {
        given(created(), joined("e1", Priority.NORMAL, 1), new QueueSlept(Q, WAKE_AT))
                .when(new CallNext(Q, WAKE_AT.minusMillis(1)))
                .thenRejected(RejectionReason.QUEUE_SLEEPING)
                .withDetailContaining(WAKE_AT.toString());
    }

    @Test
    void a_call_at_or_after_the_wake_time_wakes_the_queue_first() {
        for (Instant calledAt : new Instant[] {WAKE_AT, WAKE_AT.plusSeconds(60)}) {
            given(created(), joined("e1", Priority.NORMAL, 1), new QueueSlept(Q, WAKE_AT))
                    .when(new CallNext(Q, calledAt))
                    .thenEvents(new QueueWoken(Q), new EntryCalled(Q, "e1", calledAt, "001", null))
                    .thenState(state -> {
                        assertThat(state.status()).isEqualTo(QueueStatus.OPEN);
                        assertThat(state.entry("e1").orElseThrow().status()).isEqualTo(EntryStatus.CALLED);
                    });
        }
    }

    @Test
    void waking_on_call_does_not_happen_when_nobody_waits() {
        given(queueIn(QueueStatus.SLEEPING)).when(new CallNext(Q, WAKE_AT))
                .thenRejected(RejectionReason.QUEUE_EMPTY)
                .thenState(state -> assertThat(state.status()).isEqualTo(QueueStatus.SLEEPING));
    }

    @Test
    void an_empty_queue_has_nobody_to_call() {
        given(created()).when(new CallNext(Q, T0)).thenRejected(RejectionReason.QUEUE_EMPTY);
    }

    @Test
    void called_entries_are_not_called_twice() {
        given(created(), joined("e1", Priority.NORMAL, 1), called("e1"))
                .when(new CallNext(Q, T0))
                .thenRejected(RejectionReason.QUEUE_EMPTY);
    }

    @Test
    void a_call_needs_a_time() {
        given(created(), joined("e1", Priority.NORMAL, 1)).when(new CallNext(Q, null))
                .thenRejected(RejectionReason.INVALID_COMMAND);
    }

    /** The snapshot record has no wake time; such a queue sleeps until an explicit WakeQueue. */
    @Test
    void a_sleep_restored_without_its_wake_time_lasts_until_woken() {
        Entry waiting = new Entry("e1", Priority.NORMAL, 1, EntryStatus.WAITING, T0);
        QueueState restored = QueueState.restore(Q, "Clinic A", 10, QueueSettings.DEFAULT, QueueStatus.SLEEPING, null, 2, 0, null, java.util.List.of(waiting), null);
        Decision call = QueueDecider.decide(new CallNext(Q, WAKE_AT.plusSeconds(86_400)), restored);
        assertThat(call).isEqualTo(Decision.reject(RejectionReason.QUEUE_SLEEPING,
                "queue clinic-a sleeps until woken; nobody is called before then"));
        assertThat(QueueDecider.decide(new WakeQueue(Q), restored)).isEqualTo(Decision.accept(new QueueWoken(Q)));
    }
}
