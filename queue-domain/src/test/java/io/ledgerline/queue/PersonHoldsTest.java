package io.ledgerline.queue;

import static io.ledgerline.queue.DeciderSpec.given;
import static io.ledgerline.queue.Fixtures.Q;
import static io.ledgerline.queue.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One person in several queues: held here while served elsewhere, back in place when that service ends. */
class PersonHoldsTest {

    private static final EntryDetails PAT = new EntryDetails(null, null, "pat", Map.of());
    private static final ServedElsewhere XRAY = new ServedElsewhere("x-ray", "pat-x");
    private static final ServedElsewhere LAB = new ServedElsewhere("lab", "pat-l");
    private static final QueueSettings HOLDING = QueueSettings.DEFAULT.holdingWhileServedElsewhere(true);

    private static final QueueEvent[] PAT_BETWEEN_ANN_AND_BOB = {new QueueCreated(Q, "Clinic A", 10, HOLDING),
            joined("ann", null, 1), joined("pat", PAT, 2), joined("bob", null, 3)};
    private static final EntryHeldForServiceElsewhere PAT_AT_XRAY = new EntryHeldForServiceElsewhere(Q, "pat", XRAY);

    private static EntryJoined joined(String entryId, EntryDetails details, long ticket) {
        return new EntryJoined(Q, entryId, Priority.NORMAL, ticket, at(ticket), null, null,
                details == null ? EntryDetails.NONE : details);
    }

    @Test
    void an_entry_held_while_its_person_is_served_elsewhere_keeps_its_place_but_is_passed_over() {
        given(PAT_BETWEEN_ANN_AND_BOB).when(new HoldForServiceElsewhere(Q, "pat", XRAY))
                .thenEvents(PAT_AT_XRAY)
                .thenState(state -> {
                    assertThat(state.rankOf("pat")).isEmpty();
                    assertThat(state.rankOf("bob")).hasValue(2);
                    assertThat(state.calledCount()).isZero();
                    assertThat(state.entry("pat").orElseThrow().servedElsewhere()).containsExactly(XRAY);
                });
        var held = given(PAT_BETWEEN_ANN_AND_BOB).and(PAT_AT_XRAY, new EntryCalled(Q, "ann", at(10), null, null));
        held.when(new CallNext(Q, at(11))).thenEvents(new EntryCalled(Q, "bob", at(11), "003", null));
    }

    @Test
    void back_from_the_service_the_entry_is_in_its_old_place_again() {
        given(PAT_BETWEEN_ANN_AND_BOB).and(PAT_AT_XRAY).when(new ReturnFromServiceElsewhere(Q, "pat", XRAY))
                .thenEvents(new EntryBackFromServiceElsewhere(Q, "pat", XRAY, 0))
                .thenState(state -> {
                    assertThat(state.rankOf("pat")).hasValue(2);
                    assertThat(state.rankOf("bob")).hasValue(3);
                    assertThat(state).isEqualTo(given(PAT_BETWEEN_ANN_AND_BOB).state());
                });
    }

    @Test
    void served_in_two_places_at_once_the_entry_comes_back_when_the_last_service_ends() {
        var twice = given(PAT_BETWEEN_ANN_AND_BOB).and(PAT_AT_XRAY, new EntryHeldForServiceElsewhere(Q, "pat", LAB));
        twice.when(new ReturnFromServiceElsewhere(Q, "pat", XRAY))
                .thenEvents(new EntryBackFromServiceElsewhere(Q, "pat", XRAY, 1))
                .thenState(state -> assertThat(state.rankOf("pat")).isEmpty());
        twice.and(new EntryBackFromServiceElsewhere(Q, "pat", XRAY, 1))
                .when(new ReturnFromServiceElsewhere(Q, "pat", LAB))
                .thenEvents(new EntryBackFromServiceElsewhere(Q, "pat", LAB, 0))
                .thenState(state -> assertThat(state.rankOf("pat")).hasValue(2));
    }

    @Test
    void a_queue_holds_only_when_set_to_and_only_what_is_not_held_for_that_service_already() {
        given(new QueueCreated(Q, "Clinic A", 10), joined("pat", PAT, 1))
                .when(new HoldForServiceElsewhere(Q, "pat", XRAY)).thenRejected(RejectionReason.INVALID_COMMAND)
                .withDetailContaining("does not hold");
        given(PAT_BETWEEN_ANN_AND_BOB).and(PAT_AT_XRAY).when(new HoldForServiceElsewhere(Q, "pat", XRAY))
                .thenRejected(RejectionReason.ENTRY_NOT_FOUND);
        given(PAT_BETWEEN_ANN_AND_BOB).when(new ReturnFromServiceElsewhere(Q, "pat", XRAY))
                .thenRejected(RejectionReason.ENTRY_NOT_FOUND);
        given(PAT_BETWEEN_ANN_AND_BOB).when(new HoldForServiceElsewhere(Q, "zed", XRAY))
                .thenRejected(RejectionReason.ENTRY_NOT_FOUND);
    }

    @Test
    void the_served_entry_itself_a_called_one_and_one_under_way_elsewhere_are_not_held() {
        ServedElsewhere patHere = new ServedElsewhere(Q, "pat-2");
        var history = given(new QueueCreated(Q, "Clinic A", 10, HOLDING), joined("pat", PAT, 1),
                joined("pat-2", PAT, 2), joined("pat-3", PAT, 3), new EntryCalled(Q, "pat-2", at(5), null, null),
                new EntryTransferStarted(Q, "pat-3", "clinic-b", Priority.NORMAL, "why", PAT));
        history.when(new HoldForServiceElsewhere(Q, "pat", patHere))
                .thenEvents(new EntryHeldForServiceElsewhere(Q, "pat", patHere));
    }

    @Test
    void a_held_entry_cannot_be_moved_away_but_may_leave_change_class_and_be_closed_out() {
        var held = given(PAT_BETWEEN_ANN_AND_BOB).and(PAT_AT_XRAY);
        held.when(new TransferEntry(Q, "pat", "clinic-b", "why")).thenRejected(RejectionReason.ENTRY_NOT_WAITING)
                .withDetailContaining("served at x-ray/pat-x");
        held.when(new LeaveQueue(Q, "pat")).thenEvents(new EntryLeft(Q, "pat"));
        held.when(new ChangePriority(Q, "pat", Priority.URGENT, "pain"))
                .thenState(state -> {
                    assertThat(state.rankOf("pat")).isEmpty();
                    assertThat(state.entry("pat").orElseThrow().servedElsewhere()).containsExactly(XRAY);
                });
        held.when(new CloseQueue(Q)).thenState(state -> assertThat(state.entry("pat")).isEmpty());
    }

    @Test
    void a_scheduled_entry_released_while_its_person_is_served_elsewhere_waits_for_the_service_to_end() {
        var scheduled = given(new QueueCreated(Q, "Clinic A", 10, HOLDING),
                new EntryJoined(Q, "pat", Priority.NORMAL, 1, at(1), null, at(60), PAT),
                new EntryHeldForServiceElsewhere(Q, "pat", XRAY));
        scheduled.when(new ReleaseDueEntries(Q, at(61))).thenEvents(new EntryReleased(Q, "pat"))
                .thenState(state -> assertThat(state.rankOf("pat")).isEmpty());
        scheduled.and(new EntryReleased(Q, "pat")).when(new ReturnFromServiceElsewhere(Q, "pat", XRAY))
                .thenState(state -> assertThat(state.rankOf("pat")).hasValue(1));
    }

    @Test
    void being_called_or_admitted_begins_a_service_and_leaving_called_in_any_way_ends_it() {
        QueueState state = given(PAT_BETWEEN_ANN_AND_BOB).state();
        QueueState patCalled = QueueDecider.evolve(state, new EntryCalled(Q, "pat", at(9), null, null));
        ServedElsewhere here = new ServedElsewhere(Q, "pat");
        assertThat(PersonHolds.serviceChange(state, new EntryCalled(Q, "pat", at(9), null, null)))
                .contains(new PersonService("pat", here, true));
        assertThat(PersonHolds.serviceChange(state, new EntryCalled(Q, "ann", at(9), null, null))).isEmpty();
        for (QueueEvent end : List.of(new EntryCompleted(Q, "pat", at(20)), new EntryMarkedNoShow(Q, "pat"),
                new EntryRequeued(Q, "pat"), new EntryLeft(Q, "pat"),
                new EntryFailed(Q, "pat", "no answer", 1, at(20), at(80)))) {
            assertThat(PersonHolds.serviceChange(patCalled, end)).as("%s", end)
                    .contains(new PersonService("pat", here, false));
        }
        assertThat(PersonHolds.serviceChange(state, new EntryLeft(Q, "pat"))).as("leaving while waiting").isEmpty();
        assertThat(PersonHolds.serviceChange(state, new EntryJoined(Q, "x", Priority.NORMAL, 9, at(9))))
                .isEqualTo(Optional.empty());
    }

    @Test
    void a_bulk_hold_asks_only_queues_set_to_hold_and_a_return_asks_every_queue_holding_the_person() {
        QueueState holding = given(PAT_BETWEEN_ANN_AND_BOB).state();
        assertThat(BulkControl.stepFor(new HoldPersonEntries("pat", XRAY), holding))
                .contains(new BulkControl.Step(new HoldForServiceElsewhere(Q, "pat", XRAY)));
        assertThat(BulkControl.stepFor(new HoldPersonEntries("zed", XRAY), holding)).isEmpty();
        QueueState notHolding = given(new QueueCreated(Q, "Clinic A", 10), joined("pat", PAT, 1)).state();
        assertThat(BulkControl.stepFor(new HoldPersonEntries("pat", XRAY), notHolding)).isEmpty();
        QueueState held = given(PAT_BETWEEN_ANN_AND_BOB).and(PAT_AT_XRAY).state();
        assertThat(BulkControl.stepFor(new HoldPersonEntries("pat", XRAY), held)).contains(BulkControl.Step.ALREADY_DONE);
        // Turned off while the person was away, the queue still gives the entry back.
        QueueState turnedOff = given(PAT_BETWEEN_ANN_AND_BOB).and(PAT_AT_XRAY,
                new QueueConfigured(Q, "Clinic A", 10, QueueSettings.DEFAULT)).state();
        assertThat(BulkControl.stepFor(new ReturnPersonEntries("pat", XRAY), turnedOff))
                .contains(new BulkControl.Step(new ReturnFromServiceElsewhere(Q, "pat", XRAY)));
        assertThat(BulkControl.problem(new HoldPersonEntries(" ", XRAY))).contains("personRef");
        assertThat(BulkControl.problem(new HoldPersonEntries("pat", null))).isNotNull();
    }

    @Test
    void a_restored_snapshot_equals_the_replayed_history() {
        QueueState replayed = given(PAT_BETWEEN_ANN_AND_BOB).and(PAT_AT_XRAY).state();
        QueueState restored = QueueState.restore(Q, "Clinic A", 10, HOLDING, QueueStatus.OPEN, null, 4, 0, null,
                replayed.activeEntries(), QueueSchedule.NONE);
        assertThat(restored).isEqualTo(replayed);
    }
}
