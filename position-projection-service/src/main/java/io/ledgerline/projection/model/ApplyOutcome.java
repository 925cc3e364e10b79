package io.ledgerline.projection.model;

/**
 * What a store did with one event.
 *
 * @param lastApplied the store's last applied sequence for the queue before this event
 */
public record ApplyOutcome(SequenceCheck check, long lastApplied) {

    public long expected() {
        return lastApplied + 1;
    }
}
