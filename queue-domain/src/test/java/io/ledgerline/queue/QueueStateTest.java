package io.ledgerline.queue;

import static io.ledgerline.queue.Fixtures.Q;
import static io.ledgerline.queue.Fixtures.T0;
import static io.ledgerline.queue.Fixtures.called;
import static io.ledgerline.queue.Fixtures.created;
import static io.ledgerline.queue.Fixtures.joined;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueStateTest {

    private static final List<QueueEvent> HISTORY = List.of(
            created(),
            joined("low", Priority.LOW, 1),
            joined("n1", Priority.NORMAL, 2),
            joined("urgent", Priority.URGENT, 3),
            joined("n2", Priority.NORMAL, 4),
            joined("served", Priority.HIGH, 5),
            called("served"));

    @Test
    void the_initial_state_is_a_queue_nobody_created() {
        QueueState initial = QueueDecider.initialState();
        assertThat(initial.exists()).isFalse();
        assertThat(initial.status()).isNull();
        assertThat(initial.nextTicket()).isEqualTo(1);
        assertThat(initial.waitingCount()).isZero();
        assertThat(initial.entry("x")).isEmpty();
        assertThat(initial.rankOf("x")).isEmpty();
    }

    @Test
    void ranks_follow_priority_then_ticket_and_skip_called_entries() {
        QueueState state = QueueDecider.replay(HISTORY);
        assertThat(state.waitingInOrder()).extracting(Entry::entryId).containsExactly("urgent", "n1", "n2", "low");
        assertThat(state.rankOf("urgent")).hasValue(1);
        assertThat(state.rankOf("n1")).hasValue(2);
        assertThat(state.rankOf("n2")).hasValue(3);
        assertThat(state.rankOf("low")).hasValue(4);
        assertThat(state.rankOf("served")).isEmpty();
        assertThat(state.rankOf("nobody")).isEmpty();
        assertThat(state.rankOf(null)).isEmpty();
        assertThat(state.waitingCount()).isEqualTo(4);
        assertThat(state.activeCount()).isEqualTo(5);
        assertThat(state.nextToCall()).map(Entry::entryId).hasValue("urgent");
    }

    @Test
    void active_entries_are_listed_by_ticket_with_called_ones() {
        QueueState state = QueueDecider.replay(HISTORY);
        assertThat(state.activeEntries()).extracting(Entry::entryId)
                .containsExactly("low", "n1", "urgent", "n2", "served");
    }

    @Test
    void evolve_leaves_the_previous_state_as_it_was() {
        QueueState before = QueueDecider.replay(HISTORY);
        QueueState copyOfBefore = QueueDecider.replay(HISTORY);

        QueueState after = QueueDecider.evolve(before, new EntryLeft(Q, "urgent"));
        after = QueueDecider.evolve(after, new EntryCompleted(Q, "served", T0));
        after = QueueDecider.evolve(after, new QueueClosed(Q));

        assertThat(before).isEqualTo(copyOfBefore);
        assertThat(before.rankOf("urgent")).hasValue(1);
        assertThat(after.rankOf("urgent")).isEmpty();
        assertThat(after.rankOf("n1")).hasValue(1);
    }

    @Test
    void finished_entries_are_forgotten() {
        QueueState state = QueueDecider.replay(HISTORY);
        state = QueueDecider.evolve(state, new EntryCompleted(Q, "served", T0));
        state = QueueDecider.evolve(state, new EntryLeft(Q, "low"));
        state = QueueDecider.evolve(state, new EntryTransferredOut(Q, "n1", "b", Priority.NORMAL, "why"));
        state = QueueDecider.evolve(state, called("urgent"));
        state = QueueDecider.evolve(state, new EntryMarkedNoShow(Q, "urgent"));
        assertThat(state.activeEntries()).extracting(Entry::entryId).containsExactly("n2");
        assertThat(state.entries().byId()).containsOnlyKeys("n2");
        assertThat(state.nextTicket()).isEqualTo(6);
    }

    @Test
    void a_state_restored_from_a_snapshot_equals_the_replayed_one() {
        QueueState replayed = QueueDecider.replay(HISTORY);
        QueueState restored = QueueState.restore(Q, replayed.name(), replayed.capacity(), replayed.settings(), replayed.status(),
                replayed.sleepingUntil(), replayed.nextTicket(), replayed.virtualTime(), replayed.lastAdmissionAt(), replayed.activeEntries(), replayed.schedule());
        assertThat(restored).isEqualTo(replayed);
    }

    @Test
    void a_snapshot_holds_only_active_entries() {
        Entry finished = new Entry("e1", Priority.LOW, 1, EntryStatus.COMPLETED, T0);
        assertThatThrownBy(() -> QueueState.restore(Q, "A", 5, QueueSettings.DEFAULT, QueueStatus.OPEN, null, 2, 0, null, List.of(finished), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_big_queue_keeps_exact_ranks() {
        int size = 50_000;
        QueueState state = QueueDecider.evolve(QueueDecider.initialState(), created(size));
        for (int i = 1; i <= size; i++) {
            Priority priority = Priority.values()[i % 4];
            state = QueueDecider.evolve(state, new EntryJoined(Q, "e" + i, priority, i, T0));
        }
        // per priority class there are size/4 entries; e3 is the first LOW one, after all URGENT, HIGH and NORMAL
        assertThat(state.rankOf("e4")).hasValue(1); // 4 % 4 == 0: URGENT, smallest ticket
        assertThat(state.rankOf("e3")).hasValue(3 * size / 4 + 1);
        assertThat(state.rankOf("e" + size)).hasValue(size / 4);
        assertThat(state.waitingCount()).isEqualTo(size);
        assertThat(state.toString()).hasSizeLessThan(300);
    }

    @Test
    void replay_of_nothing_is_the_initial_state() {
        assertThat(QueueDecider.replay(new ArrayList<>())).isEqualTo(QueueDecider.initialState());
    }
}
