package io.ledgerline.projection.model;

import java.util.List;

/**
 * What a store did with one event.
 *
 * @param lastApplied the store's last applied sequence for the queue before this event
 * @param moves       how the event moved the waiting line (Redis only; empty when it moved nobody or was not applied)
 */
public record ApplyOutcome(SequenceCheck check, long lastApplied, List<LineMove> moves) {

    public ApplyOutcome(SequenceCheck check, long lastApplied) {
        this(check, lastApplied, List.of());
    }

    public long expected() {
        return lastApplied + 1;
    }
}
