package io.ledgerline.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;

/**
 * given/when/then for the decider: {@code given(events...).when(command).thenEvents(...)} or
 * {@code .thenRejected(reason)}. The history is replayed through {@code evolve}, so every test also
 * checks that its own setup is a history the aggregate accepts.
 */
final class DeciderSpec {

    private DeciderSpec() {
    }

    static Given given(QueueEvent... history) {
        return new Given(List.of(history));
    }

    static Given given(List<QueueEvent> history) {
        return new Given(List.copyOf(history));
    }

    record Given(List<QueueEvent> history) {

        Given and(QueueEvent... more) {
            return new Given(concat(history, List.of(more)));
        }

        QueueState state() {
            return QueueDecider.replay(history);
        }

        Then when(QueueCommand command) {
            QueueState before = QueueDecider.replay(history);
            return new Then(before, QueueDecider.decide(command, before));
        }
    }

    record Then(QueueState before, Decision decision) {

        Then thenEvents(QueueEvent... expected) {
            assertThat(decision).as("decision").isInstanceOf(Decision.Accepted.class);
            assertThat(((Decision.Accepted) decision).events()).containsExactly(expected);
            return this;
        }

        Then thenRejected(RejectionReason reason) {
            assertThat(decision).as("decision").isInstanceOf(Decision.Rejected.class);
            Rejection rejection = ((Decision.Rejected) decision).rejection();
            assertThat(rejection.reason()).as("reason (detail: %s)", rejection.detail()).isEqualTo(reason);
            assertThat(rejection.detail()).as("detail").isNotBlank();
            return this;
        }

        Then withDetailContaining(String fragment) {
            assertThat(((Decision.Rejected) decision).rejection().detail()).contains(fragment);
            return this;
        }

        /** Checks the state after applying the accepted events (or the unchanged state after a rejection). */
        Then thenState(Consumer<QueueState> check) {
            check.accept(after());
            return this;
        }

        QueueState after() {
            return switch (decision) {
                case Decision.Accepted accepted -> {
                    QueueState state = before;
                    for (QueueEvent event : accepted.events()) {
                        state = QueueDecider.evolve(state, event);
                    }
                    yield state;
                }
                case Decision.Rejected rejected -> before;
            };
        }
    }

    private static List<QueueEvent> concat(List<QueueEvent> first, List<QueueEvent> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
