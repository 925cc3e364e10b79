package io.ledgerline.queue;

import static io.ledgerline.queue.DeciderSpec.given;
import static io.ledgerline.queue.Fixtures.Q;
import static io.ledgerline.queue.Fixtures.T0;
import static io.ledgerline.queue.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Weighted fair order and aging: the order keys the decider gives, and the promotions its timer asks for. */
class WeightedOrderTest {

    static final Ordering CLINIC = new Ordering(
            Map.of(Priority.URGENT, 8, Priority.HIGH, 4, Priority.NORMAL, 2, Priority.LOW, 1),
            Map.of(Priority.LOW, Duration.ofSeconds(30)));
    static final long URGENT_STEP = 720_720 / 8;
    static final long LOW_STEP = 720_720;

    static QueueCreated weighted(Ordering ordering) {
        return new QueueCreated(Q, "Clinic A", 100, QueueSettings.DEFAULT.withOrdering(ordering));
    }

    static EntryJoined joined(String id, Priority priority, long ticket, long key) {
        return new EntryJoined(Q, id, priority, ticket, at(ticket), QueueSettings.DEFAULT.numberFor(ticket), null,
                EntryDetails.NONE, key);
    }

    @Test
    void a_steady_stream_of_urgent_entries_leaves_low_its_weighted_share() {
        List<QueueEvent> history = new ArrayList<>(List.of(weighted(CLINIC)));
        QueueState state = QueueDecider.replay(history);
        for (int i = 1; i <= 16; i++) {
            state = joinAt(state, "u" + String.format("%02d", i), Priority.URGENT, i);
        }
        state = joinAt(state, "l1", Priority.LOW, 17);
        state = joinAt(state, "l2", Priority.LOW, 18);

        // URGENT keys 1..16 x 90,090, LOW keys 1..2 x 720,720 = 8 and 16 URGENT steps: one LOW per eight URGENT
        // (an equal key goes to the smaller id).
        assertThat(state.waitingInOrder()).extracting(Entry::entryId).containsExactly(
                "u01", "u02", "u03", "u04", "u05", "u06", "u07", "l1", "u08",
                "u09", "u10", "u11", "u12", "u13", "u14", "u15", "l2", "u16");
        assertThat(state.entry("l2").orElseThrow().orderKey()).isEqualTo(2 * LOW_STEP);
    }

    @Test
    void a_joiner_is_placed_after_the_last_called_key_and_after_its_own_class() {
        given(weighted(CLINIC), joined("u1", Priority.URGENT, 1, URGENT_STEP), joined("l1", Priority.LOW, 2, LOW_STEP),
                new EntryCalled(Q, "u1", at(10), null, null), new EntryCalled(Q, "l1", at(11), null, null))
                .when(new JoinQueue(Q, "u2", Priority.URGENT, at(12)))
                // The virtual time is the LOW key called last: the new URGENT entry comes one URGENT step after it.
                .thenEvents(new EntryJoined(Q, "u2", Priority.URGENT, 3, at(12), "003", null, EntryDetails.NONE,
                        LOW_STEP + URGENT_STEP));
    }

    @Test
    void people_who_left_do_not_push_a_later_joiner_of_their_class_back() {
        given(weighted(CLINIC), joined("l1", Priority.LOW, 1, LOW_STEP), joined("l2", Priority.LOW, 2, 2 * LOW_STEP),
                new EntryLeft(Q, "l1"), new EntryLeft(Q, "l2"))
                .when(new JoinQueue(Q, "l3", Priority.LOW, at(3)))
                .thenEvents(joined("l3", Priority.LOW, 3, LOW_STEP));
    }

    @Test
    void an_entry_waiting_past_its_class_aging_limit_is_promoted_one_class_up_at_the_limit() {
        var history = given(weighted(CLINIC), joined("l1", Priority.LOW, 1, LOW_STEP));
        Entry waiting = history.state().entry("l1").orElseThrow();
        assertThat(waiting.agingDue()).isEqualTo(at(1).plusSeconds(30));
        assertThat(QueueTimers.nextDue(history.state())).contains(at(31));

        history.when(new PromoteAgedEntries(Q, at(30))).thenRejected(RejectionReason.INVALID_COMMAND);
        history.when(new PromoteAgedEntries(Q, at(45)))
                // NORMAL is empty, so a NORMAL placement now (2 NORMAL steps = 360,360) is ahead of its LOW key.
                .thenEvents(new EntryPromoted(Q, "l1", Priority.LOW, Priority.NORMAL, 720_720 / 2, at(31)))
                .thenState(state -> {
                    assertThat(state.entry("l1").orElseThrow().priority()).isEqualTo(Priority.NORMAL);
                    assertThat(state.entry("l1").orElseThrow().agingDue()).as("NORMAL does not age here").isNull();
                    assertThat(QueueTimers.due(state, at(3600))).isEmpty();
                });
        assertThat(QueueTimers.due(history.state(), at(31))).extracting(QueueTimers.TimerCommand::commandId)
                .containsExactly("timer.age." + at(31).toEpochMilli());
    }

    @Test
    void a_promotion_never_moves_an_entry_back() {
        List<QueueEvent> history = new ArrayList<>(List.of(weighted(CLINIC), joined("l1", Priority.LOW, 1, LOW_STEP)));
        for (int i = 2; i <= 10; i++) {
            history.add(joined("n" + i, Priority.NORMAL, i, (i - 1) * (720_720 / 2)));
        }
        // Nine NORMAL entries stand up to 9 NORMAL steps out; a NORMAL placement would come after them.
        given(history).when(new PromoteAgedEntries(Q, at(60)))
                .thenEvents(new EntryPromoted(Q, "l1", Priority.LOW, Priority.NORMAL, LOW_STEP, at(31)));
    }

    @Test
    void strict_priority_ages_too_an_aged_entry_takes_its_ticket_place_in_the_class_above() {
        Ordering agingOnly = new Ordering(Map.of(), Map.of(Priority.LOW, Duration.ofMinutes(1)));
        given(new QueueCreated(Q, "Clinic A", 10, QueueSettings.DEFAULT.withOrdering(agingOnly)),
                new EntryJoined(Q, "l1", Priority.LOW, 1, T0), new EntryJoined(Q, "n2", Priority.NORMAL, 2, at(2)))
                .when(new PromoteAgedEntries(Q, at(60)))
                .thenEvents(new EntryPromoted(Q, "l1", Priority.LOW, Priority.NORMAL,
                        CallingOrder.strictKey(Priority.NORMAL, 1), at(60)))
                .thenState(state -> assertThat(state.waitingInOrder()).extracting(Entry::entryId)
                        .containsExactly("l1", "n2"));
    }

    @Test
    void a_staff_priority_change_is_final_the_entry_no_longer_ages() {
        given(weighted(CLINIC), joined("l1", Priority.LOW, 1, LOW_STEP), joined("h2", Priority.HIGH, 2, 720_720 / 4))
                .when(new ChangePriority(Q, "l1", Priority.HIGH, "frail"))
                .thenEvents(new EntryPriorityChanged(Q, "l1", Priority.LOW, Priority.HIGH, "frail", 2L * (720_720 / 4)))
                .thenState(state -> {
                    assertThat(state.entry("l1").orElseThrow().agingDue()).isNull();
                    assertThat(state.waitingInOrder()).extracting(Entry::entryId).containsExactly("h2", "l1");
                });
    }

    @Test
    void a_released_entry_ages_from_when_it_fell_due() {
        given(weighted(CLINIC), new EntryJoined(Q, "l1", Priority.LOW, 1, T0, "001", at(100), EntryDetails.NONE,
                LOW_STEP), new EntryReleased(Q, "l1"))
                .when(new PromoteAgedEntries(Q, at(200)))
                .thenEvents(new EntryPromoted(Q, "l1", Priority.LOW, Priority.NORMAL, 720_720 / 2, at(130)));
    }

    @Test
    void no_promotion_during_an_emergency_stop() {
        given(weighted(CLINIC), joined("l1", Priority.LOW, 1, LOW_STEP), new QueueEmergencyStopped(Q, "fire"))
                .when(new PromoteAgedEntries(Q, at(100))).thenRejected(RejectionReason.QUEUE_EMERGENCY_STOPPED);
    }

    @Test
    void a_queue_switches_between_strict_and_weighted_order_only_when_empty() {
        QueueSettings weightedSettings = QueueSettings.DEFAULT.withOrdering(CLINIC);
        given(Fixtures.created(), new EntryJoined(Q, "e1", Priority.NORMAL, 1, T0))
                .when(new ConfigureQueue(Q, "Clinic A", 10, weightedSettings))
                .thenRejected(RejectionReason.INVALID_COMMAND).withDetailContaining("only when empty");
        given(Fixtures.created()).when(new ConfigureQueue(Q, "Clinic A", 10, weightedSettings))
                .thenEvents(new QueueConfigured(Q, "Clinic A", 10, weightedSettings));
    }

    @Test
    void weights_and_aging_limits_are_checked() {
        var zeroWeight = QueueSettings.DEFAULT.withOrdering(new Ordering(Map.of(Priority.LOW, 0), Map.of()));
        given().when(new CreateQueue(Q, "Clinic A", 10, zeroWeight)).thenRejected(RejectionReason.INVALID_COMMAND)
                .withDetailContaining("ordering.weights.LOW");
        var urgentAges = QueueSettings.DEFAULT.withOrdering(new Ordering(Map.of(),
                Map.of(Priority.URGENT, Duration.ofMinutes(5))));
        given().when(new CreateQueue(Q, "Clinic A", 10, urgentAges)).thenRejected(RejectionReason.INVALID_COMMAND)
                .withDetailContaining("URGENT");
    }

    private static QueueState joinAt(QueueState state, String id, Priority priority, long second) {
        Decision decision = QueueDecider.decide(new JoinQueue(Q, id, priority, at(second)), state);
        for (QueueEvent event : ((Decision.Accepted) decision).events()) {
            state = QueueDecider.evolve(state, event);
        }
        return state;
    }
}
