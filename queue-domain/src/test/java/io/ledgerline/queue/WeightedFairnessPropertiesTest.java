package io.ledgerline.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The starvation bound of weighted fair order ({@link CallingOrder}), on random histories of joins, calls, leaves and
 * requeues with random weights: an entry of class c placed with key K while the virtual time was V is overtaken by at
 * most floor((K - V) / step(d)) entries of another class d placed after it, and by none of its own class; when k of
 * its class waited before it and nobody leaves the queue, that is at most (k + 1) x step(c) / step(d).
 */
class WeightedFairnessPropertiesTest {

    private static final String Q = "q";
    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    /** One step of a history: what to do, and a number choosing the class or the entry it is done to. */
    record Step(String action, int pick) {}

    /** What the bound needs to know of an entry from the moment it was placed. */
    private static final class Placement {
        final long serial;
        final Priority priority;
        final long key;
        final long virtualTime;
        final int sameClassAhead;
        final Map<Priority, Integer> overtakenBy = new EnumMap<>(Priority.class);

        Placement(long serial, Priority priority, long key, long virtualTime, int sameClassAhead) {
            this.serial = serial;
            this.priority = priority;
            this.key = key;
            this.virtualTime = virtualTime;
            this.sameClassAhead = sameClassAhead;
        }
    }

    @Property(tries = 300)
    void no_entry_is_overtaken_by_more_later_arrivals_than_its_bound(@ForAll("weights") Map<Priority, Integer> weights,
                                                                      @ForAll("steps") List<Step> steps,
                                                                      @ForAll boolean leaves) {
        Ordering ordering = new Ordering(weights, Map.of());
        QueueState state = QueueDecider.replay(List.of(
                new QueueCreated(Q, "Fair", 10_000, QueueSettings.DEFAULT.withOrdering(ordering))));
        Map<String, Placement> waiting = new HashMap<>();
        long serial = 0;
        for (Step step : steps) {
            Instant now = T0.plusSeconds(serial);
            switch (step.action()) {
                case "join" -> {
                    Priority priority = Priority.values()[step.pick() % 4];
                    String id = "e" + serial;
                    long virtualTime = state.virtualTime();
                    int ahead = (int) state.waitingInOrder().stream().filter(e -> e.priority() == priority).count();
                    state = apply(state, new JoinQueue(Q, id, priority, now));
                    waiting.put(id, new Placement(serial, priority, state.entry(id).orElseThrow().orderKey(),
                            virtualTime, ahead));
                }
                case "call" -> {
                    if (state.nextToCall().isEmpty()) {
                        continue;
                    }
                    Entry next = state.nextToCall().get();
                    Placement called = waiting.remove(next.entryId());
                    state = apply(state, new CallNext(Q, now));
                    if (called != null) {
                        for (Placement overtaken : waiting.values()) {
                            if (called.serial > overtaken.serial) {
                                overtaken.overtakenBy.merge(called.priority, 1, Integer::sum);
                            }
                        }
                    }
                }
                case "leave" -> {
                    List<Entry> line = state.waitingInOrder();
                    if (!leaves || line.isEmpty()) {
                        continue;
                    }
                    Entry leaver = line.get(step.pick() % line.size());
                    state = apply(state, new LeaveQueue(Q, leaver.entryId()));
                    waiting.remove(leaver.entryId());
                }
                default -> throw new IllegalArgumentException(step.action());
            }
            serial++;
            for (Placement placement : waiting.values()) {
                assertWithinBound(placement, ordering, leaves);
            }
        }
    }

    private static void assertWithinBound(Placement entry, Ordering ordering, boolean anyoneMayLeave) {
        for (Priority other : Priority.values()) {
            int overtakers = entry.overtakenBy.getOrDefault(other, 0);
            if (other == entry.priority) {
                assertThat(overtakers).as("later %s entries overtaking a %s one", other, entry.priority).isZero();
                continue;
            }
            long bound = (entry.key - entry.virtualTime) / ordering.step(other);
            assertThat((long) overtakers).as("later %s entries overtaking a %s one placed %d after virtual time %d",
                    other, entry.priority, entry.key, entry.virtualTime).isLessThanOrEqualTo(bound);
            if (!anyoneMayLeave) {
                long countBound = (entry.sameClassAhead + 1L) * ordering.step(entry.priority) / ordering.step(other);
                assertThat((long) overtakers).as("with %d of its class ahead", entry.sameClassAhead)
                        .isLessThanOrEqualTo(countBound);
            }
        }
    }

    private static QueueState apply(QueueState state, QueueCommand command) {
        Decision decision = QueueDecider.decide(command, state);
        assertThat(decision).as("%s", command).isInstanceOf(Decision.Accepted.class);
        for (QueueEvent event : ((Decision.Accepted) decision).events()) {
            state = QueueDecider.evolve(state, event);
        }
        return state;
    }

    @Provide
    Arbitrary<Map<Priority, Integer>> weights() {
        Arbitrary<Integer> weight = Arbitraries.integers().between(1, 12);
        return Combinators.combine(weight, weight, weight, weight).as((u, h, n, l) ->
                Map.of(Priority.URGENT, u, Priority.HIGH, h, Priority.NORMAL, n, Priority.LOW, l));
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<String> actions = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(10, "join"), net.jqwik.api.Tuple.of(8, "call"), net.jqwik.api.Tuple.of(2, "leave"));
        return Combinators.combine(actions, Arbitraries.integers().between(0, 1000)).as(Step::new)
                .list().ofMinSize(10).ofMaxSize(400);
    }
}
