package io.ledgerline.queue;

import static io.ledgerline.queue.DeciderSpec.given;
import static io.ledgerline.queue.Fixtures.Q;
import static io.ledgerline.queue.Fixtures.T0;
import static io.ledgerline.queue.Fixtures.at;
import static io.ledgerline.queue.Fixtures.created;
import static io.ledgerline.queue.Fixtures.joined;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A transfer in three logged steps: under way here, joined (or refused) there, settled here. */
class TransfersTest {

    private static final EntryDetails LEAD = new EntryDetails("callback", "CRM 7", "p-7", Map.of("lang", "es"));
    private static final QueueEvent[] ANN_AND_BOB = {created(),
            new EntryJoined(Q, "ann", Priority.HIGH, 1, T0, "001", null, LEAD), joined("bob", Priority.NORMAL, 2)};
    private static final EntryTransferStarted ANN_UNDER_WAY =
            new EntryTransferStarted(Q, "ann", "clinic-b", Priority.HIGH, "shorter line", LEAD);

    @Test
    void the_first_step_carries_what_the_target_needs_and_the_forwarded_join_names_the_source() {
        given(ANN_AND_BOB).when(new TransferEntry(Q, "ann", "clinic-b", "shorter line"))
                .thenEvents(ANN_UNDER_WAY)
                .thenState(state -> {
                    assertThat(state.nextToCall()).map(Entry::entryId).contains("bob");
                    assertThat(state.calledCount()).isZero();
                });
        assertThat(ANN_UNDER_WAY.forwardedJoin(at(5))).isEqualTo(
                new JoinQueue("clinic-b", "ann", Priority.HIGH, at(5), null, LEAD, null, Q));
    }

    @Test
    void an_entry_under_way_is_never_called_moved_again_or_left_until_the_transfer_settles() {
        var underWay = given(ANN_AND_BOB).and(ANN_UNDER_WAY);
        underWay.when(new LeaveQueue(Q, "ann")).thenRejected(RejectionReason.ENTRY_NOT_WAITING)
                .withDetailContaining("being transferred to clinic-b");
        underWay.when(new TransferEntry(Q, "ann", "clinic-c", "why")).thenRejected(RejectionReason.ENTRY_NOT_WAITING);
        underWay.when(new ChangePriority(Q, "ann", Priority.URGENT, "why")).thenRejected(RejectionReason.ENTRY_NOT_WAITING);
        underWay.when(new CallNext(Q, at(10))).thenEvents(new EntryCalled(Q, "bob", at(10), "002", null));
    }

    @Test
    void when_the_target_took_it_the_entry_leaves_for_good() {
        given(ANN_AND_BOB).and(ANN_UNDER_WAY).when(new SettleTransfer(Q, "ann", "clinic-b", null))
                .thenEvents(new EntryTransferredOut(Q, "ann", "clinic-b", Priority.HIGH, "joined clinic-b"))
                .thenState(state -> assertThat(state.entry("ann")).isEmpty());
    }

    @Test
    void when_the_target_refused_it_the_entry_returns_to_its_place() {
        given(ANN_AND_BOB).and(ANN_UNDER_WAY)
                .when(new SettleTransfer(Q, "ann", "clinic-b", "QUEUE_FULL: clinic-b holds its capacity"))
                .thenEvents(new EntryTransferReturned(Q, "ann", "clinic-b", "QUEUE_FULL: clinic-b holds its capacity"))
                .thenState(state -> {
                    assertThat(state.rankOf("ann")).hasValue(1);
                    assertThat(state.transferringInOrder()).isEmpty();
                });
    }

    @Test
    void a_settlement_for_no_transfer_under_way_is_refused_and_changes_nothing() {
        given(ANN_AND_BOB).and(ANN_UNDER_WAY).when(new SettleTransfer(Q, "ann", "clinic-c", null))
                .thenRejected(RejectionReason.INVALID_COMMAND);
        given(ANN_AND_BOB).when(new SettleTransfer(Q, "bob", "clinic-b", null)).thenRejected(RejectionReason.INVALID_COMMAND);
        given(ANN_AND_BOB).when(new SettleTransfer(Q, "zed", "clinic-b", null)).thenRejected(RejectionReason.ENTRY_NOT_FOUND);
    }

    @Test
    void a_settlement_is_taken_even_during_an_emergency_stop() {
        given(ANN_AND_BOB).and(ANN_UNDER_WAY, new QueueEmergencyStopped(Q, "fire"))
                .when(new SettleTransfer(Q, "ann", "clinic-b", "QUEUE_NOT_FOUND: no such queue"))
                .thenEvents(new EntryTransferReturned(Q, "ann", "clinic-b", "QUEUE_NOT_FOUND: no such queue"));
    }

    @Test
    void a_held_entry_is_transferred_only_once_callable() {
        given(created(), new EntryJoined(Q, "ann", Priority.NORMAL, 1, T0, "001", at(600)))
                .when(new TransferEntry(Q, "ann", "clinic-b", "why")).thenRejected(RejectionReason.ENTRY_NOT_WAITING)
                .withDetailContaining("held until");
    }

    @Test
    void the_target_records_where_a_transfer_came_from_and_a_full_target_refuses_instead_of_overflowing() {
        JoinQueue transferJoin = ANN_UNDER_WAY.forwardedJoin(at(5));
        given(new QueueCreated("clinic-b", "Clinic B", 5)).when(transferJoin)
                .thenEvents(new EntryJoined("clinic-b", "ann", Priority.HIGH, 1, at(5), "001", null, LEAD,
                        CallingOrder.strictKey(Priority.HIGH, 1), Q));
        QueueSettings overflowing = new QueueSettings(java.util.List.of(), "", 0, null, RetryPolicy.DEFAULT, null,
                "clinic-c");
        given(new QueueCreated("clinic-b", "Clinic B", 1, overflowing),
                new EntryJoined("clinic-b", "zed", Priority.LOW, 1, T0))
                .when(transferJoin).thenRejected(RejectionReason.QUEUE_FULL);
    }

    @Test
    void an_entry_the_target_refuses_after_its_queue_closed_ends_closed_out_like_everyone_who_waited() {
        given(ANN_AND_BOB).and(ANN_UNDER_WAY, new QueueClosed(Q, java.util.List.of("bob"), 1, null))
                .when(new SettleTransfer(Q, "ann", "clinic-b", "QUEUE_FULL: no room"))
                .thenEvents(new EntryTransferReturned(Q, "ann", "clinic-b", "QUEUE_FULL: no room"),
                        new EntriesClosedOut(Q, java.util.List.of("ann")))
                .thenState(state -> assertThat(state.entry("ann")).isEmpty());
    }
}
