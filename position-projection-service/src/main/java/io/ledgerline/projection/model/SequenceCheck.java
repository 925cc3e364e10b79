package io.ledgerline.projection.model;

/** What a store does with an event given the last sequence it applied for the event's queue. */
public enum SequenceCheck {
    /** The next one: apply it. */
    APPLY,
    /** Already applied (a redelivery): ignore it. */
    SKIP,
    /** Events are missing in between: the read model can no longer be trusted. */
    GAP;

    public static SequenceCheck of(long lastApplied, long sequence) {
        if (sequence <= lastApplied) {
            return SKIP;
        }
        return sequence == lastApplied + 1 ? APPLY : GAP;
    }
}
