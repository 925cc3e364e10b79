package io.ledgerline.queue;

import static io.ledgerline.queue.DeciderSpec.given;
import static io.ledgerline.queue.Fixtures.Q;
import static io.ledgerline.queue.Fixtures.T0;
import static io.ledgerline.queue.Fixtures.at;
import static io.ledgerline.queue.Fixtures.joined;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An automatic-admission waiting room: a steady rate, a ceiling of active admissions, sessions that expire. */
class AdmissionsTest {

    /** 60 a minute (one a second), at most 2 inside, each for 30 seconds. */
    private static final Admission ROOM = Admission.automatic(60, 2, Duration.ofSeconds(30));
    private static final QueueCreated SALE =
            new QueueCreated(Q, "Ticket sale", 100, QueueSettings.DEFAULT.withAdmission(ROOM));
    private static final QueueEvent[] THREE_FANS = {SALE, joined("ann", Priority.NORMAL, 1),
            joined("bob", Priority.NORMAL, 2), joined("cyd", Priority.NORMAL, 3)};

    private static Instant ms(long millisAfterT0) {
        return T0.plusMillis(millisAfterT0);
    }

    @Test
    void the_first_admission_is_due_at_once_and_lets_in_the_head_of_the_line_for_a_session() {
        var room = given(THREE_FANS);
        assertThat(QueueTimers.nextDue(room.state())).contains(Instant.EPOCH);
        assertThat(QueueTimers.due(room.state(), at(5))).extracting(QueueTimers.TimerCommand::commandId)
                .containsExactly("timer.admit.0");
        room.when(new AdmitDueEntries(Q, at(5)))
                .thenEvents(new EntryAdmitted(Q, "ann", at(5), at(35), "001", at(5)))
                .thenState(state -> {
                    assertThat(state.admittedCount()).isEqualTo(1);
                    assertThat(state.entry("ann").orElseThrow().status()).isEqualTo(EntryStatus.CALLED);
                    assertThat(QueueTimers.nextDue(state)).as("the next slot, one interval on").contains(at(6));
                });
    }

    @Test
    void admissions_keep_the_rate_and_a_late_timer_makes_up_at_most_a_second_of_them() {
        var room = given(THREE_FANS).and(new EntryAdmitted(Q, "ann", at(5), at(35), "001", at(5)));
        room.when(new AdmitDueEntries(Q, ms(5_999))).thenRejected(RejectionReason.INVALID_COMMAND)
                .withDetailContaining("next is at " + at(6));
        // Fired an hour late: one admission, at the slot a second before, not a burst of 3,600.
        room.when(new AdmitDueEntries(Q, at(3605)))
                .thenEvents(new EntryAdmitted(Q, "bob", at(3605), at(3635), "002", at(3605)));
    }

    @Test
    void a_fast_room_admits_for_every_slot_that_passed_since_the_last_one() {
        Admission fast = Admission.automatic(600, 10, Duration.ofMinutes(5)); // one each 100 ms
        given(new QueueCreated(Q, "Sale", 100, QueueSettings.DEFAULT.withAdmission(fast)),
                joined("a", Priority.NORMAL, 1), joined("b", Priority.NORMAL, 2), joined("c", Priority.NORMAL, 3),
                new EntryAdmitted(Q, "a", ms(1_000), ms(301_000), "001", ms(1_000)))
                .when(new AdmitDueEntries(Q, ms(1_250)))
                // Both are let in when the timer fires; each uses up its own slot of the rate.
                .thenEvents(new EntryAdmitted(Q, "b", ms(1_250), ms(301_250), "002", ms(1_100)),
                        new EntryAdmitted(Q, "c", ms(1_250), ms(301_250), "003", ms(1_200)))
                .thenState(state -> assertThat(QueueTimers.nextDue(state)).as("nobody waits: only expiries")
                        .contains(ms(301_000)));
    }

    @Test
    void no_more_than_max_active_hold_an_admission_until_one_expires() {
        var full = given(THREE_FANS).and(new EntryAdmitted(Q, "ann", at(5), at(35), "001", at(5)),
                new EntryAdmitted(Q, "bob", at(6), at(36), "002", at(6)));
        full.when(new AdmitDueEntries(Q, at(20))).thenRejected(RejectionReason.MAX_CONCURRENT_REACHED);
        assertThat(QueueTimers.nextDue(full.state())).as("only the expiry is due").contains(at(35));
        full.when(new ExpireAdmissions(Q, at(35)))
                .thenEvents(new AdmissionExpired(Q, "ann", at(35)))
                .thenState(state -> {
                    assertThat(state.entry("ann")).isEmpty();
                    assertThat(QueueTimers.due(state, at(35))).extracting(QueueTimers.TimerCommand::commandId)
                            .containsExactly("timer.admit." + at(7).toEpochMilli());
                });
        full.when(new ExpireAdmissions(Q, at(34))).thenRejected(RejectionReason.INVALID_COMMAND);
    }

    @Test
    void an_admission_completed_early_frees_its_place_and_nobody_calls_next_in_a_waiting_room() {
        var room = given(THREE_FANS).and(new EntryAdmitted(Q, "ann", at(5), at(35), "001", at(5)));
        room.when(new CompleteEntry(Q, "ann", at(10))).thenEvents(new EntryCompleted(Q, "ann", at(10)))
                .thenState(state -> assertThat(state.admittedCount()).isZero());
        room.when(new CallNext(Q, at(10))).thenRejected(RejectionReason.INVALID_COMMAND)
                .withDetailContaining("admits people by itself");
    }

    @Test
    void a_paused_room_admits_nobody_and_its_timer_waits_for_the_resume() {
        var paused = given(THREE_FANS).and(new QueuePaused(Q, "sale not open yet"));
        paused.when(new AdmitDueEntries(Q, at(5))).thenRejected(RejectionReason.QUEUE_PAUSED);
        assertThat(QueueTimers.nextDue(paused.state())).isEmpty();
    }

    @Test
    void a_room_needs_a_rate_a_ceiling_within_capacity_and_a_session() {
        for (Admission wrong : List.of(Admission.automatic(0, 2, Duration.ofMinutes(1)),
                Admission.automatic(60, 101, Duration.ofMinutes(1)), Admission.automatic(60, 2, null),
                Admission.automatic(60, 2, Duration.ofDays(2)))) {
            given().when(new CreateQueue(Q, "Sale", 100, QueueSettings.DEFAULT.withAdmission(wrong)))
                    .thenRejected(RejectionReason.INVALID_COMMAND).withDetailContaining("admission.");
        }
    }

    @Test
    void a_requeued_admission_is_back_in_line_without_its_admission() {
        given(THREE_FANS).and(new EntryAdmitted(Q, "ann", at(5), at(35), "001", at(5)))
                .when(new RequeueEntry(Q, "ann")).thenEvents(new EntryRequeued(Q, "ann"))
                .thenState(state -> {
                    assertThat(state.admittedCount()).isZero();
                    assertThat(state.entry("ann").orElseThrow().admittedUntil()).isNull();
                    assertThat(state.rankOf("ann")).hasValue(1);
                });
    }

    @Test
    void a_timer_whose_clock_is_behind_the_last_slot_admits_nobody() {
        given(THREE_FANS).and(new EntryAdmitted(Q, "ann", at(5), at(35), "001", at(5)))
                .when(new AdmitDueEntries(Q, at(1))).thenRejected(RejectionReason.INVALID_COMMAND);
    }
}
