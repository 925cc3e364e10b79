package io.ledgerline.command.model;

import io.ledgerline.queue.PersonService;
import java.util.List;

/**
 * The result of deciding one command against the in-memory book: the outcome to publish, the events to append, and
 * the services of people that the events began or ended, which the other queues of those people must hear of.
 */
public record Handling(CommandOutcome outcome, List<SequencedEvent> events, List<PersonService> services) {

    public Handling(CommandOutcome outcome, List<SequencedEvent> events) {
        this(outcome, events, List.of());
    }

    public static Handling rejected(String reason, String detail) {
        return new Handling(new CommandOutcome.Rejected(reason, detail), List.of());
    }
}
