package io.ledgerline.queue;

import java.util.List;
import java.util.Objects;

/**
 * What {@link QueueDecider#decide} answers: the events to append, or why nothing is appended.
 * The two cases are nested (rather than one record per file) because the shared contract names them
 * {@code Decision.Accepted} and {@code Decision.Rejected}.
 */
public sealed interface Decision {

    static Decision accept(QueueEvent... events) {
        return new Accepted(List.of(events));
    }

    static Decision reject(RejectionReason reason, String detail) {
        return new Rejected(new Rejection(reason, detail));
    }

    default boolean isAccepted() {
        return this instanceof Accepted;
    }

    /** The command is accepted; {@code events} (never empty) are to be appended in this order. */
    record Accepted(List<QueueEvent> events) implements Decision {
        public Accepted {
            events = List.copyOf(events);
            if (events.isEmpty()) {
                throw new IllegalArgumentException("an accepted command produces at least one event");
            }
        }
    }

    /** The command is refused; nothing is appended. */
    record Rejected(Rejection rejection) implements Decision {
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }
    }
}
