package io.ledgerline.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random command sequences against one queue. A small alphabet of entry ids, queue ids and times makes
 * collisions (duplicates, unknown entries, wrong statuses, sleeping-until boundaries) common, and a few
 * malformed values (null, blank) are mixed in.
 */
class QueuePropertiesTest {

    private static final String Q = "q";
    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    @Property(tries = 1000)
    void ranks_are_one_to_n_in_calling_order_and_capacity_holds(@ForAll("histories") List<QueueCommand> commands) {
        QueueState state = QueueDecider.initialState();
        for (QueueCommand command : commands) {
            state = applyIfAccepted(state, QueueDecider.decide(command, state));
            assertRanksAreExact(state);
            if (state.exists()) {
                assertThat(state.activeCount()).as("active entries").isLessThanOrEqualTo(state.capacity());
            }
        }
    }

    @Property(tries = 1000)
    void replaying_the_accepted_events_rebuilds_the_same_state(@ForAll("histories") List<QueueCommand> commands) {
        QueueState stepByStep = QueueDecider.initialState();
        List<QueueEvent> log = new ArrayList<>();
        for (QueueCommand command : commands) {
            Decision decision = QueueDecider.decide(command, stepByStep);
            if (decision instanceof Decision.Accepted accepted) {
                log.addAll(accepted.events());
            }
            stepByStep = applyIfAccepted(stepByStep, decision);
        }
        assertThat(QueueDecider.replay(log)).isEqualTo(stepByStep);
        if (stepByStep.exists()) {
            QueueState restored = QueueState.restore(stepByStep.queueId(), stepByStep.name(), stepByStep.capacity(),
                    stepByStep.settings(), stepByStep.status(), stepByStep.sleepingUntil(), stepByStep.nextTicket(),
                    stepByStep.virtualTime(), stepByStep.lastAdmissionAt(), stepByStep.activeEntries(), stepByStep.schedule());
            assertThat(restored).isEqualTo(stepByStep);
        }
    }

    /** decide never throws, and an accepted CallNext carries exactly one EntryCalled. */
    @Property(tries = 1000)
    void decide_answers_every_command(@ForAll("histories") List<QueueCommand> commands) {
        QueueState state = QueueDecider.initialState();
        for (QueueCommand command : commands) {
            Decision decision = QueueDecider.decide(command, state);
            assertThat(decision).isNotNull();
            if (command instanceof CallNext && decision instanceof Decision.Accepted accepted) {
                assertThat(accepted.events()).filteredOn(EntryCalled.class::isInstance).hasSize(1);
            }
            state = applyIfAccepted(state, decision);
        }
    }

    private static QueueState applyIfAccepted(QueueState state, Decision decision) {
        if (decision instanceof Decision.Accepted accepted) {
            for (QueueEvent event : accepted.events()) {
                state = QueueDecider.evolve(state, event);
            }
        }
        return state;
    }

    private static void assertRanksAreExact(QueueState state) {
        List<Entry> waiting = state.waitingInOrder();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < waiting.size(); i++) {
            Entry entry = waiting.get(i);
            assertThat(ids.add(entry.entryId())).as("duplicate %s", entry.entryId()).isTrue();
            assertThat(state.rankOf(entry.entryId())).as("rank of %s", entry.entryId()).hasValue(i + 1);
            if (i > 0) {
                assertThat(Entry.CALLING_ORDER.compare(waiting.get(i - 1), entry)).isNegative();
            }
        }
        // Held entries are WAITING too, but outside the calling order until they are released.
        List<String> waitingById = state.activeEntries().stream()
                .filter(Entry::callable)
                .map(Entry::entryId).toList();
        assertThat(waitingById).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(state.waitingCount()).isEqualTo(waiting.size());
        assertThat(state.activeEntries().stream().filter(Entry::held).count()).isEqualTo(state.heldCount());
        assertThat(state.activeEntries().stream().filter(entry -> entry.status() == EntryStatus.CALLED).count())
                .isEqualTo(state.calledCount());
        assertThat(state.servedElsewhereInOrder()).containsExactlyElementsOf(state.activeEntries().stream()
                .filter(entry -> entry.heldElsewhere() && !entry.held()).sorted(Entry.CALLING_ORDER).toList());
    }

    @Provide
    Arbitrary<List<QueueCommand>> histories() {
        Arbitrary<Integer> capacities = Arbitraries.frequencyOf(
                Tuple.of(9, Arbitraries.integers().between(1, 7)), Tuple.of(1, Arbitraries.of(-1, 0)));
        Arbitrary<QueueCommand> create = Combinators.combine(capacities, orderings())
                .as((capacity, ordering) -> new CreateQueue(Q, "Queue", capacity,
                        QueueSettings.DEFAULT.withOrdering(ordering)));
        return Combinators.combine(create, commands().list().ofMinSize(5).ofMaxSize(100))
                .as((first, rest) -> {
                    List<QueueCommand> all = new ArrayList<>();
                    all.add(first);
                    all.addAll(rest);
                    return all;
                });
    }

    /** Strict, weighted, and either with LOW and NORMAL aging after a minute or two. */
    private static Arbitrary<Ordering> orderings() {
        Map<Priority, Integer> clinic = Map.of(Priority.URGENT, 8, Priority.HIGH, 4, Priority.NORMAL, 2, Priority.LOW, 1);
        Map<Priority, Duration> aging = Map.of(Priority.LOW, Duration.ofMinutes(1), Priority.NORMAL, Duration.ofMinutes(2));
        return Arbitraries.of(Ordering.STRICT, new Ordering(clinic, Map.of()), new Ordering(clinic, aging),
                new Ordering(Map.of(), aging), new Ordering(Map.of(Priority.LOW, 3), aging));
    }

    private static Arbitrary<String> persons() {
        return Arbitraries.of("pat", "sam");
    }

    private static Arbitrary<ServedElsewhere> services(Arbitrary<String> entryIds) {
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.of(new ServedElsewhere("x-ray", "1"),
                new ServedElsewhere("lab", "2"))), Tuple.of(1, entryIds.filter(java.util.Objects::nonNull)
                .map(e -> new ServedElsewhere(Q, e))));
    }

    private Arbitrary<QueueCommand> commands() {
        Arbitrary<String> queueIds = Arbitraries.frequencyOf(Tuple.of(40, Arbitraries.just(Q)),
                Tuple.of(1, Arbitraries.of("other", " ")));
        Arbitrary<String> entryIds = Arbitraries.frequency(
                Tuple.of(6, "a"), Tuple.of(6, "b"), Tuple.of(6, "c"), Tuple.of(6, "d"), Tuple.of(6, "e"), Tuple.of(6, "f"),
                Tuple.of(6, "g"), Tuple.of(1, "")).injectNull(0.01);
        Arbitrary<Priority> priorities = Arbitraries.of(Priority.class).injectNull(0.01);
        Arbitrary<Instant> times = Arbitraries.integers().between(0, 6).map(m -> T0.plusSeconds(60L * m)).injectNull(0.01);
        Arbitrary<String> texts = Arbitraries.frequency(
                Tuple.of(12, "why"), Tuple.of(1, ""), Tuple.of(1, "  ")).injectNull(0.02);
        Arbitrary<Integer> capacities = Arbitraries.integers().between(-1, 8);
        Arbitrary<String> targets = Arbitraries.frequency(Tuple.of(12, "other"), Tuple.of(1, Q), Tuple.of(1, ""))
                .injectNull(0.02);

        return Arbitraries.frequencyOf(
                Tuple.of(1, Combinators.combine(queueIds, capacities).as((q, c) -> new CreateQueue(q, "Queue", c))),
                Tuple.of(2, Combinators.combine(queueIds, texts, capacities).as(ConfigureQueue::new)),
                Tuple.of(12, Combinators.combine(queueIds, entryIds, priorities, times).as(JoinQueue::new)),
                Tuple.of(3, Combinators.combine(queueIds, entryIds).as(LeaveQueue::new)),
                Tuple.of(8, Combinators.combine(queueIds, times).as(CallNext::new)),
                Tuple.of(4, Combinators.combine(queueIds, entryIds, times).as(CompleteEntry::new)),
                Tuple.of(2, Combinators.combine(queueIds, entryIds).as(MarkNoShow::new)),
                Tuple.of(3, Combinators.combine(queueIds, entryIds).as(RequeueEntry::new)),
                Tuple.of(4, Combinators.combine(queueIds, entryIds, priorities, texts).as(ChangePriority::new)),
                Tuple.of(2, Combinators.combine(queueIds, entryIds, targets, texts).as(TransferEntry::new)),
                // A transfer's settlement, taken or refused by its target ("other" is what the transfers above name).
                Tuple.of(2, Combinators.combine(queueIds, entryIds, targets,
                        Arbitraries.of("QUEUE_FULL: no room").injectNull(0.5)).as(SettleTransfer::new)),
                Tuple.of(2, Combinators.combine(queueIds, texts).as(PauseQueue::new)),
                Tuple.of(2, queueIds.map(ResumeQueue::new)),
                Tuple.of(2, Combinators.combine(queueIds, times).as((q, t) -> new SleepQueue(q, t, T0))),
                Tuple.of(1, queueIds.map(WakeQueue::new)),
                Tuple.of(1, queueIds.map(OpenQueue::new)),
                Tuple.of(1, queueIds.map(CloseQueue::new)),
                Tuple.of(1, Combinators.combine(queueIds, texts).as(EmergencyStopQueue::new)),
                // The queue in time: held entries, retries, releases, a plan and its timers' commands, batches.
                Tuple.of(3, Combinators.combine(queueIds, entryIds, priorities, times, times)
                        .as((q, e, p, at, due) -> new JoinQueue(q, e, p, at, due))),
                Tuple.of(3, Combinators.combine(queueIds, entryIds, texts, times).as(FailEntry::new)),
                Tuple.of(2, Combinators.combine(queueIds, times).as(ReleaseDueEntries::new)),
                Tuple.of(1, Combinators.combine(queueIds, times, times).as((q, opens, closes) ->
                        new ScheduleQueue(q, opens, closes, T0.minusSeconds(1)))),
                Tuple.of(1, Combinators.combine(queueIds, times).as(OpenQueue::new)),
                Tuple.of(1, Combinators.combine(queueIds, times).as(CloseQueue::new)),
                // Fair order: weights, aging and the timer's promotions.
                Tuple.of(1, Combinators.combine(queueIds, capacities, orderings()).as((q, c, ordering) ->
                        new ConfigureQueue(q, "Queue", c, QueueSettings.DEFAULT.withOrdering(ordering)))),
                Tuple.of(2, Combinators.combine(queueIds, times).as(PromoteAgedEntries::new)),
                // Waiting rooms: switched on and off, their timers' admissions and expiries.
                Tuple.of(1, Combinators.combine(queueIds, capacities, Arbitraries.of(Admission.MANUAL,
                        Admission.automatic(1, 1, Duration.ofMinutes(2)),
                        Admission.automatic(60, 3, Duration.ofMinutes(1)))).as((q, c, admission) ->
                        new ConfigureQueue(q, "Queue", c, QueueSettings.DEFAULT.withAdmission(admission)))),
                Tuple.of(2, Combinators.combine(queueIds, times).as(AdmitDueEntries::new)),
                // Opening lotteries: committed, cut off by the timer, drawn with the right seed or a wrong one.
                Tuple.of(1, Combinators.combine(queueIds, times).as((q, at) ->
                        new CommitLottery(q, "draw-1", Lottery.commitmentOf("seed"), at == null ? null : at.plusSeconds(60), T0))),
                Tuple.of(1, Combinators.combine(queueIds, times).as(CutOffLottery::new)),
                Tuple.of(1, Combinators.combine(queueIds, Arbitraries.of("seed", "wrong")).as((q, seed) ->
                        new DrawLottery(q, "draw-1", seed))),
                Tuple.of(1, Combinators.combine(queueIds, times).as(ExpireAdmissions::new)),
                // One person in several queues: joins naming a person, holds for services elsewhere (or here), returns.
                Tuple.of(4, Combinators.combine(queueIds, entryIds, priorities, times, persons()).as((q, e, p, at, who) ->
                        new JoinQueue(q, e, p, at, null, new EntryDetails(null, null, who, Map.of()), null))),
                Tuple.of(1, Combinators.combine(queueIds, capacities, Arbitraries.of(true, false)).as((q, c, hold) ->
                        new ConfigureQueue(q, "Queue", c, QueueSettings.DEFAULT.holdingWhileServedElsewhere(hold)))),
                Tuple.of(3, Combinators.combine(queueIds, persons(), services(entryIds))
                        .as(HoldForServiceElsewhere::new)),
                Tuple.of(3, Combinators.combine(queueIds, persons(), services(entryIds))
                        .as(ReturnFromServiceElsewhere::new)),
                Tuple.of(2, Combinators.combine(queueIds, entryIds, entryIds, priorities, times).as((q, e1, e2, p, at) ->
                        new JoinBatch(q, java.util.Arrays.asList(new JoinQueue(q, e1, p, at),
                                new JoinQueue(q, e2, p, at))))));
    }
}
