package io.ledgerline.projection.model;

/**
 * What the two stores did with one event. Each checks the sequence on its own, so redelivery repairs either.
 * An event PostgreSQL held back on a gap is not sent to Redis; it carries PostgreSQL's outcome for both.
 */
public record ProjectionOutcome(ApplyOutcome redis, ApplyOutcome postgres) {

    /** For an event PostgreSQL did not apply because of a gap in its queue: Redis never saw it either. */
    public static ProjectionOutcome heldBackByPostgres(ApplyOutcome postgres) {
        return new ProjectionOutcome(postgres, postgres);
    }

    public boolean gap() {
        return redis.check() == SequenceCheck.GAP || postgres.check() == SequenceCheck.GAP;
    }

    /** True when at least one store applied the event (the other may have had it already). */
    public boolean applied() {
        return !gap() && (redis.check() == SequenceCheck.APPLY || postgres.check() == SequenceCheck.APPLY);
    }

    /** The outcome that reports the gap, if any; PostgreSQL's first, as it is written first. */
    public ApplyOutcome gapOutcome() {
        return postgres.check() == SequenceCheck.GAP ? postgres : redis;
    }

    public String gapStore() {
        return postgres.check() == SequenceCheck.GAP ? "postgresql" : "redis";
    }
}
