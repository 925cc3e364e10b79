package io.ledgerline.queue;

import static io.ledgerline.queue.Fixtures.Q;
import static io.ledgerline.queue.Fixtures.T0;
import static io.ledgerline.queue.Fixtures.called;
import static io.ledgerline.queue.Fixtures.created;
import static io.ledgerline.queue.Fixtures.joined;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A history that could not have come from decide is corrupt: replay says so instead of guessing. */
class EvolutionTest {

    static Stream<List<QueueEvent>> corruptHistories() {
        return Stream.of(
                List.of(joined("e1", Priority.NORMAL, 1)),
                List.of(new QueuePaused(Q, "no queue yet")),
                List.of(created(), created()),
                List.of(created(), new QueueClosed("another-queue")),
                List.of(created(), joined("e1", Priority.NORMAL, 1), joined("e1", Priority.NORMAL, 2)),
                List.of(created(), called("e1")),
                List.of(created(), joined("e1", Priority.NORMAL, 1), called("e1"), called("e1")),
                List.of(created(), joined("e1", Priority.NORMAL, 1), new EntryCompleted(Q, "e1", T0)),
                List.of(created(), joined("e1", Priority.NORMAL, 1), new EntryRequeued(Q, "e1")),
                List.of(created(), joined("e1", Priority.NORMAL, 1), new EntryLeft(Q, "e2")),
                List.of(created(), joined("e1", Priority.NORMAL, 1), called("e1"),
                        new EntryTransferredOut(Q, "e1", "b", Priority.NORMAL, "why")));
    }

    @ParameterizedTest
    @MethodSource("corruptHistories")
    void a_corrupt_history_fails_loudly(List<QueueEvent> history) {
        assertThatThrownBy(() -> QueueDecider.replay(history))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot follow");
    }
}
