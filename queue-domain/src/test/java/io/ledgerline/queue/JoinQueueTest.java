package io.ledgerline.queue;

import static io.ledgerline.queue.DeciderSpec.given;
import static io.ledgerline.queue.Fixtures.Q;
import static io.ledgerline.queue.Fixtures.T0;
import static io.ledgerline.queue.Fixtures.called;
import static io.ledgerline.queue.Fixtures.created;
import static io.ledgerline.queue.Fixtures.joined;
import static io.ledgerline.queue.Fixtures.queueIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class JoinQueueTest {

    @Test
    void the_first_joiner_gets_ticket_one_and_rank_one() {
        given(created()).when(new JoinQueue(Q, "e1", Priority.NORMAL, T0))
                .thenEvents(new EntryJoined(Q, "e1", Priority.NORMAL, 1, T0))
                .thenState(state -> {
                    assertThat(state.rankOf("e1")).hasValue(1);
                    assertThat(state.entry("e1")).hasValue(new Entry("e1", Priority.NORMAL, 1, EntryStatus.WAITING, T0));
                    assertThat(state.nextTicket()).isEqualTo(2);
                });
    }

    @Test
    void tickets_keep_growing_when_entries_leave() {
        given(created(), joined("e1", Priority.NORMAL, 1), joined("e2", Priority.NORMAL, 2), new EntryLeft(Q, "e2"))
                .when(new JoinQueue(Q, "e3", Priority.LOW, T0))
                .thenEvents(new EntryJoined(Q, "e3", Priority.LOW, 3, T0));
    }

    @Test
    void someone_without_credentials_joins_only_a_queue_that_takes_public_joins() {
        var anyone = JoinQueue.byAnyone(Q, "e1", Priority.NORMAL, T0, null, EntryDetails.NONE);
        given(created()).when(anyone).thenRejected(RejectionReason.TOKEN_REQUIRED);
        given(new QueueCreated(Q, "Sale", 10, QueueSettings.DEFAULT.takingPublicJoins(true))).when(anyone)
                .thenEvents(new EntryJoined(Q, "e1", Priority.NORMAL, 1, T0));
    }

    @Test
    void a_batch_of_joins_is_never_anonymous() {
        var batch = new JoinBatch(Q, java.util.List.of(JoinQueue.byAnyone(Q, "e1", Priority.NORMAL, T0, null, null)));
        given(new QueueCreated(Q, "Sale", 10, QueueSettings.DEFAULT.takingPublicJoins(true))).when(batch)
                .thenRejected(RejectionReason.INVALID_COMMAND);
    }

    @ParameterizedTest
    @EnumSource(value = QueueStatus.class, names = {"PAUSED", "SLEEPING"})
    void people_may_queue_while_service_is_paused_or_asleep(QueueStatus status) {
        given(queueIn(status)).when(new JoinQueue(Q, "e1", Priority.HIGH, T0))
                .thenEvents(new EntryJoined(Q, "e1", Priority.HIGH, 1, T0));
    }

    @Test
    void a_closed_queue_takes_no_one_new() {
        given(queueIn(QueueStatus.CLOSED)).when(new JoinQueue(Q, "e1", Priority.NORMAL, T0))
                .thenRejected(RejectionReason.QUEUE_CLOSED);
    }

    @Test
    void an_emergency_stopped_queue_takes_no_one_new() {
        given(queueIn(QueueStatus.EMERGENCY_STOPPED)).when(new JoinQueue(Q, "e1", Priority.URGENT, T0))
                .thenRejected(RejectionReason.QUEUE_EMERGENCY_STOPPED);
    }

    @Test
    void a_waiting_entry_cannot_join_again() {
        given(created(), joined("e1", Priority.NORMAL, 1)).when(new JoinQueue(Q, "e1", Priority.URGENT, T0))
                .thenRejected(RejectionReason.DUPLICATE_ENTRY);
    }

    @Test
    void a_called_entry_cannot_join_again() {
        given(created(), joined("e1", Priority.NORMAL, 1), called("e1"))
                .when(new JoinQueue(Q, "e1", Priority.NORMAL, T0))
                .thenRejected(RejectionReason.DUPLICATE_ENTRY);
    }

    static Stream<QueueEvent> finishes() {
        return Stream.of(
                new EntryCompleted(Q, "e1", T0),
                new EntryMarkedNoShow(Q, "e1"),
                new EntryLeft(Q, "e1"));
    }

    @ParameterizedTest
    @MethodSource("finishes")
    void a_finished_entry_may_come_back_as_a_new_visit(QueueEvent finish) {
        given(created(), joined("e1", Priority.NORMAL, 1), called("e1"), finish)
                .when(new JoinQueue(Q, "e1", Priority.LOW, T0))
                .thenEvents(new EntryJoined(Q, "e1", Priority.LOW, 2, T0));
    }

    @Test
    void a_transferred_entry_may_come_back_as_a_new_visit() {
        given(created(), joined("e1", Priority.NORMAL, 1), new EntryTransferredOut(Q, "e1", "b", Priority.NORMAL, "why"))
                .when(new JoinQueue(Q, "e1", Priority.NORMAL, T0))
                .thenEvents(new EntryJoined(Q, "e1", Priority.NORMAL, 2, T0));
    }

    @Test
    void a_full_queue_counts_called_entries_too() {
        given(created(2), joined("e1", Priority.NORMAL, 1), called("e1"), joined("e2", Priority.NORMAL, 2))
                .when(new JoinQueue(Q, "e3", Priority.URGENT, T0))
                .thenRejected(RejectionReason.QUEUE_FULL)
                .withDetailContaining("2");
    }

    @Test
    void a_place_frees_up_when_an_entry_finishes() {
        given(created(2), joined("e1", Priority.NORMAL, 1), called("e1"), joined("e2", Priority.NORMAL, 2),
                new EntryCompleted(Q, "e1", T0))
                .when(new JoinQueue(Q, "e3", Priority.URGENT, T0))
                .thenEvents(new EntryJoined(Q, "e3", Priority.URGENT, 3, T0));
    }

    @Test
    void a_duplicate_is_reported_before_a_full_queue() {
        given(created(1), joined("e1", Priority.NORMAL, 1)).when(new JoinQueue(Q, "e1", Priority.NORMAL, T0))
                .thenRejected(RejectionReason.DUPLICATE_ENTRY);
    }

    @Test
    void joining_needs_an_entry_id_a_priority_and_a_time() {
        given(created()).when(new JoinQueue(Q, " ", Priority.NORMAL, T0)).thenRejected(RejectionReason.INVALID_COMMAND);
        given(created()).when(new JoinQueue(Q, null, Priority.NORMAL, T0)).thenRejected(RejectionReason.INVALID_COMMAND);
        given(created()).when(new JoinQueue(Q, "e1", null, T0)).thenRejected(RejectionReason.INVALID_COMMAND);
        given(created()).when(new JoinQueue(Q, "e1", Priority.NORMAL, null)).thenRejected(RejectionReason.INVALID_COMMAND);
    }
}
