package io.ledgerline.command.model;

import java.util.List;

/** The result of deciding one command against the in-memory book: the outcome to publish and the events to append. */
public record Handling(CommandOutcome outcome, List<SequencedEvent> events) {

    public static Handling rejected(String reason, String detail) {
        return new Handling(new CommandOutcome.Rejected(reason, detail), List.of());
    }
}
