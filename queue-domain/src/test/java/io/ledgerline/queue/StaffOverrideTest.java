package io.ledgerline.queue;

import static io.ledgerline.queue.DeciderSpec.given;
import static io.ledgerline.queue.Fixtures.Q;
import static io.ledgerline.queue.Fixtures.called;
import static io.ledgerline.queue.Fixtures.created;
import static io.ledgerline.queue.Fixtures.joined;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Priority changes and transfers: staff decisions that need a written justification. */
class StaffOverrideTest {

    private static final QueueEvent[] TWO_WAITING = {
            created(), joined("e1", Priority.NORMAL, 1), joined("e2", Priority.LOW, 2)};

    @Test
    void a_priority_change_is_recorded_with_before_after_and_why() {
        given(TWO_WAITING).when(new ChangePriority(Q, "e2", Priority.URGENT, "chest pain"))
                .thenEvents(new EntryPriorityChanged(Q, "e2", Priority.LOW, Priority.URGENT, "chest pain",
                        CallingOrder.strictKey(Priority.URGENT, 2)))
                .thenState(state -> {
                    assertThat(state.rankOf("e2")).hasValue(1);
                    assertThat(state.rankOf("e1")).hasValue(2);
                    assertThat(state.entry("e2").orElseThrow().ticket()).isEqualTo(2);
                });
    }

    @Test
    void a_lowered_priority_moves_the_entry_back() {
        given(TWO_WAITING).when(new ChangePriority(Q, "e1", Priority.LOW, "asked to wait for a friend"))
                .thenState(state -> assertThat(state.waitingInOrder()).extracting(Entry::entryId)
                        .containsExactly("e1", "e2")); // both LOW now: e1 keeps its earlier ticket
    }

    @Test
    void the_same_priority_is_no_change() {
        given(TWO_WAITING).when(new ChangePriority(Q, "e1", Priority.NORMAL, "no reason"))
                .thenRejected(RejectionReason.INVALID_COMMAND)
                .withDetailContaining("NORMAL");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void a_priority_change_needs_a_justification(String justification) {
        given(TWO_WAITING).when(new ChangePriority(Q, "e1", Priority.URGENT, justification))
                .thenRejected(RejectionReason.INVALID_COMMAND)
                .withDetailContaining("justification");
    }

    @Test
    void a_priority_change_needs_a_priority() {
        given(TWO_WAITING).when(new ChangePriority(Q, "e1", null, "why")).thenRejected(RejectionReason.INVALID_COMMAND);
    }

    @Test
    void a_called_entry_keeps_its_priority() {
        given(TWO_WAITING).and(called("e1"))
                .when(new ChangePriority(Q, "e1", Priority.URGENT, "chest pain"))
                .thenRejected(RejectionReason.ENTRY_NOT_WAITING);
    }

    @Test
    void an_unknown_entry_has_no_priority_to_change() {
        given(TWO_WAITING).when(new ChangePriority(Q, "e9", Priority.URGENT, "chest pain"))
                .thenRejected(RejectionReason.ENTRY_NOT_FOUND);
    }

    @Test
    void priorities_change_while_paused() {
        given(TWO_WAITING).and(new QueuePaused(Q, "lunch"))
                .when(new ChangePriority(Q, "e2", Priority.HIGH, "elderly"))
                .thenEvents(new EntryPriorityChanged(Q, "e2", Priority.LOW, Priority.HIGH, "elderly",
                        CallingOrder.strictKey(Priority.HIGH, 2)));
    }

    @Test
    void a_transfer_starts_with_the_entry_under_way_keeping_its_place_but_not_callable() {
        given(TWO_WAITING).when(new TransferEntry(Q, "e2", "clinic-b", "shorter line"))
                .thenEvents(new EntryTransferStarted(Q, "e2", "clinic-b", Priority.LOW, "shorter line", EntryDetails.NONE))
                .thenState(state -> {
                    assertThat(state.entry("e2").orElseThrow().transferTo()).isEqualTo("clinic-b");
                    assertThat(state.rankOf("e2")).isEmpty();
                    assertThat(state.activeCount()).isEqualTo(2);
                    assertThat(state.transferringInOrder()).extracting(Entry::entryId).containsExactly("e2");
                });
    }

    @Test
    void a_closed_queue_may_transfer_its_waiting_people() {
        given(TWO_WAITING).and(new QueueClosed(Q))
                .when(new TransferEntry(Q, "e1", "clinic-b", "closing early"))
                .thenEvents(new EntryTransferStarted(Q, "e1", "clinic-b", Priority.NORMAL, "closing early", null));
    }

    @Test
    void a_transfer_to_the_same_queue_is_no_transfer() {
        given(TWO_WAITING).when(new TransferEntry(Q, "e1", Q, "why"))
                .thenRejected(RejectionReason.INVALID_COMMAND);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void a_transfer_needs_a_target_and_a_justification(String blank) {
        given(TWO_WAITING).when(new TransferEntry(Q, "e1", blank, "why")).thenRejected(RejectionReason.INVALID_COMMAND);
        given(TWO_WAITING).when(new TransferEntry(Q, "e1", "clinic-b", blank))
                .thenRejected(RejectionReason.INVALID_COMMAND);
    }

    @Test
    void a_called_entry_cannot_be_transferred() {
        given(TWO_WAITING).and(called("e1"))
                .when(new TransferEntry(Q, "e1", "clinic-b", "why"))
                .thenRejected(RejectionReason.ENTRY_NOT_WAITING)
                .withDetailContaining("CALLED");
    }

    @Test
    void an_unknown_entry_cannot_be_transferred() {
        given(TWO_WAITING).when(new TransferEntry(Q, "e9", "clinic-b", "why"))
                .thenRejected(RejectionReason.ENTRY_NOT_FOUND);
    }
}
