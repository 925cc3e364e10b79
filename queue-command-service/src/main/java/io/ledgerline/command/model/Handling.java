package io.ledgerline.command.model;

import java.util.List;

/**
 * The result of handling one command against the in-memory book: the outcome to publish and the events to append.
 * A repeated command has {@code repeated == true} and no events: its first outcome is published again.
 */
public record Handling(CommandOutcome outcome, List<SequencedEvent> events, boolean repeated) {

    public static Handling repeat(CommandOutcome first) {
        return new Handling(first, List.of(), true);
    }
}
