package io.ledgerline.projection.model;

/** What the two stores did with one event. Each checks the sequence on its own, so redelivery repairs either. */
public record ProjectionOutcome(ApplyOutcome redis, ApplyOutcome postgres) {

    public boolean gap() {
        return redis.check() == SequenceCheck.GAP || postgres.check() == SequenceCheck.GAP;
    }

    /** True when at least one store applied the event (the other may have had it already). */
    public boolean applied() {
        return !gap() && (redis.check() == SequenceCheck.APPLY || postgres.check() == SequenceCheck.APPLY);
    }

    /** The outcome that reports the gap, if any. */
    public ApplyOutcome gapOutcome() {
        return redis.check() == SequenceCheck.GAP ? redis : postgres;
    }

    public String gapStore() {
        return redis.check() == SequenceCheck.GAP ? "redis" : "postgresql";
    }
}
