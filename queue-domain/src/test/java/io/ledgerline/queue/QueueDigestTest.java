package io.ledgerline.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueDigestTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    private static QueueState lineOf(int people) {
        List<QueueEvent> events = new ArrayList<>();
        events.add(new QueueCreated("q", "Q", 10_000, QueueSettings.DEFAULT));
        QueueState state = QueueDecider.replay(events);
        for (int i = 1; i <= people; i++) {
            Decision d = QueueDecider.decide(new JoinQueue("q", "e" + i, i % 7 == 0 ? Priority.HIGH : Priority.NORMAL,
                    T0.plusSeconds(i)), state);
            for (QueueEvent e : ((Decision.Accepted) d).events()) {
                state = QueueDecider.evolve(state, e);
            }
        }
        return state;
    }

    private static QueueState decide(QueueState state, QueueCommand command) {
        for (QueueEvent e : ((Decision.Accepted) QueueDecider.decide(command, state)).events()) {
            state = QueueDecider.evolve(state, e);
        }
        return state;
    }

    @Test
    void the_builder_fed_the_same_lines_as_a_read_model_would_gives_the_domain_digest() {
        QueueState state = decide(lineOf(30), new CallNext("q", T0.plusSeconds(60)));
        QueueDigest.Builder readModel = new QueueDigest.Builder("OPEN");
        state.waitingInOrder().forEach(e -> readModel.waiting(e.entryId(), e.priority().name()));
        // A read model lists the others in its own order; the digest does not depend on it.
        List<Entry> called = new ArrayList<>(state.activeEntries().stream().filter(e -> !e.callable()).toList());
        java.util.Collections.reverse(called);
        called.forEach(e -> readModel.other(e.entryId(), "CALLED", e.priority().name()));

        assertThat(readModel.build()).isEqualTo(QueueDigest.of(state));
    }

    @Test
    void a_swap_in_a_long_line_changes_the_root_and_only_the_leaf_that_holds_it() {
        QueueState state = lineOf(3000);
        List<Entry> line = state.waitingInOrder();
        QueueDigest.Builder swapped = new QueueDigest.Builder("OPEN");
        for (int i = 0; i < line.size(); i++) {
            Entry e = line.get(i == 2100 ? 2101 : i == 2101 ? 2100 : i); // places 2101 and 2102
            swapped.waiting(e.entryId(), e.priority().name());
        }
        QueueDigest.Digest expected = QueueDigest.of(state);
        QueueDigest.Digest actual = swapped.build();

        assertThat(actual.root()).isNotEqualTo(expected.root());
        assertThat(expected.leaves()).hasSize(1 + 3 + 1);
        List<Integer> differing = new ArrayList<>();
        for (int i = 0; i < expected.leaves().size(); i++) {
            if (!expected.leaves().get(i).equals(actual.leaves().get(i))) {
                differing.add(expected.leaves().get(i).from());
            }
        }
        assertThat(differing).containsExactly(2 * QueueDigest.LEAF_LINES + 1);
        assertThat(QueueDigest.leafLines(state, expected.leaves().get(3))).hasSize(3000 - 2048)
                .first().asString().startsWith(line.get(2048).entryId() + "\t");
    }

    @Test
    void status_and_priority_are_part_of_what_is_compared() {
        QueueState state = lineOf(5);
        QueueState paused = decide(state, new PauseQueue("q", "lunch"));
        QueueState promoted = decide(state, new ChangePriority("q", "e3", Priority.URGENT, "frail"));

        assertThat(QueueDigest.of(paused).root()).isNotEqualTo(QueueDigest.of(state).root());
        assertThat(QueueDigest.of(promoted).root()).isNotEqualTo(QueueDigest.of(state).root());
        assertThat(QueueDigest.visibleStatus(state.entry("e1").orElseThrow())).isEqualTo("WAITING");
    }
}
