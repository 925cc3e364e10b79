package io.ledgerline.queue;

import static io.ledgerline.queue.DeciderSpec.given;
import static io.ledgerline.queue.Fixtures.Q;
import static io.ledgerline.queue.Fixtures.T0;
import static io.ledgerline.queue.Fixtures.called;
import static io.ledgerline.queue.Fixtures.created;
import static io.ledgerline.queue.Fixtures.joined;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Leaving, completing, no-show and requeue: how a visit ends or goes back to waiting. */
class EntryOutcomeTest {

    private static final QueueEvent[] ONE_WAITING = {created(), joined("e1", Priority.NORMAL, 1)};
    private static final QueueEvent[] ONE_CALLED = {created(), joined("e1", Priority.NORMAL, 1), called("e1")};

    @Test
    void a_waiting_entry_may_leave() {
        given(ONE_WAITING).when(new LeaveQueue(Q, "e1"))
                .thenEvents(new EntryLeft(Q, "e1"))
                .thenState(state -> {
                    assertThat(state.entry("e1")).isEmpty();
                    assertThat(state.waitingCount()).isZero();
                });
    }

    @Test
    void a_called_entry_may_leave() {
        given(ONE_CALLED).when(new LeaveQueue(Q, "e1"))
                .thenEvents(new EntryLeft(Q, "e1"))
                .thenState(state -> assertThat(state.activeCount()).isZero());
    }

    @ParameterizedTest
    @EnumSource(QueueStatus.class)
    void leaving_is_allowed_in_every_status(QueueStatus status) {
        given(created(), joined("e1", Priority.NORMAL, 1)).and(Fixtures.queueIn(status).stream().skip(1)
                        .toArray(QueueEvent[]::new))
                .when(new LeaveQueue(Q, "e1"))
                .thenEvents(new EntryLeft(Q, "e1"));
    }

    @Test
    void an_unknown_entry_cannot_leave() {
        given(ONE_WAITING).when(new LeaveQueue(Q, "nobody")).thenRejected(RejectionReason.ENTRY_NOT_FOUND);
    }

    /** The state forgets finished visits (bounded memory), so a finished entry is as unknown as a never-seen one. */
    @Test
    void a_finished_entry_is_not_found() {
        given(ONE_CALLED).and(new EntryCompleted(Q, "e1", T0))
                .when(new LeaveQueue(Q, "e1"))
                .thenRejected(RejectionReason.ENTRY_NOT_FOUND)
                .withDetailContaining("e1");
    }

    @Test
    void a_called_entry_is_completed() {
        given(ONE_CALLED).when(new CompleteEntry(Q, "e1", T0.plusSeconds(300)))
                .thenEvents(new EntryCompleted(Q, "e1", T0.plusSeconds(300)))
                .thenState(state -> assertThat(state.entry("e1")).isEmpty());
    }

    @Test
    void a_called_entry_is_marked_no_show() {
        given(ONE_CALLED).when(new MarkNoShow(Q, "e1"))
                .thenEvents(new EntryMarkedNoShow(Q, "e1"))
                .thenState(state -> assertThat(state.entry("e1")).isEmpty());
    }

    @Test
    void a_called_entry_is_requeued_with_its_original_ticket() {
        given(ONE_CALLED).and(joined("e2", Priority.NORMAL, 2))
                .when(new RequeueEntry(Q, "e1"))
                .thenEvents(new EntryRequeued(Q, "e1"))
                .thenState(state -> {
                    assertThat(state.entry("e1").orElseThrow().ticket()).isEqualTo(1);
                    assertThat(state.entry("e1").orElseThrow().status()).isEqualTo(EntryStatus.WAITING);
                    assertThat(state.rankOf("e1")).hasValue(1);
                    assertThat(state.rankOf("e2")).hasValue(2);
                });
    }

    static Stream<QueueCommand> needACalledEntry() {
        return Stream.of(new CompleteEntry(Q, "e1", T0), new MarkNoShow(Q, "e1"), new RequeueEntry(Q, "e1"));
    }

    @ParameterizedTest
    @MethodSource("needACalledEntry")
    void a_waiting_entry_has_not_been_called(QueueCommand command) {
        given(ONE_WAITING).when(command).thenRejected(RejectionReason.ENTRY_NOT_CALLED).withDetailContaining("WAITING");
    }

    @ParameterizedTest
    @MethodSource("needACalledEntry")
    void an_unknown_entry_is_not_found(QueueCommand command) {
        given(created()).when(command).thenRejected(RejectionReason.ENTRY_NOT_FOUND);
    }

    @ParameterizedTest
    @MethodSource("needACalledEntry")
    void nothing_moves_during_an_emergency_stop(QueueCommand command) {
        given(ONE_CALLED).and(new QueueEmergencyStopped(Q, "fire alarm"))
                .when(command)
                .thenRejected(RejectionReason.QUEUE_EMERGENCY_STOPPED);
    }

    @ParameterizedTest
    @MethodSource("needACalledEntry")
    void a_visit_in_progress_can_finish_while_paused_or_closed(QueueCommand command) {
        for (QueueEvent statusChange : List.of(new QueuePaused(Q, "lunch"), new QueueClosed(Q),
                new QueueSlept(Q, Fixtures.WAKE_AT))) {
            assertThat(given(ONE_CALLED).and(statusChange).when(command).decision().isAccepted())
                    .as("%s after %s", command, statusChange).isTrue();
        }
    }

    @Test
    void completing_needs_a_time_and_an_entry_id() {
        given(ONE_CALLED).when(new CompleteEntry(Q, "e1", null)).thenRejected(RejectionReason.INVALID_COMMAND);
        given(ONE_CALLED).when(new CompleteEntry(Q, "", T0)).thenRejected(RejectionReason.INVALID_COMMAND);
        given(ONE_CALLED).when(new MarkNoShow(Q, null)).thenRejected(RejectionReason.INVALID_COMMAND);
        given(ONE_CALLED).when(new RequeueEntry(Q, " ")).thenRejected(RejectionReason.INVALID_COMMAND);
        given(ONE_CALLED).when(new LeaveQueue(Q, "")).thenRejected(RejectionReason.INVALID_COMMAND);
    }
}
