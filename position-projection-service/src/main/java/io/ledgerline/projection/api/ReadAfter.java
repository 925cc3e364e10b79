package io.ledgerline.projection.api;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.ledgerline.projection.ProjectionConfig;
import io.ledgerline.projection.store.RedisLineReads;
import io.smallrye.mutiny.Uni;

/**
 * Read-your-writes: a command's answer carries the sequence it appended; a read that asks for at least that sequence
 * ({@code ?minSequence=N} or {@code Ledgerline-Min-Sequence: N}) waits until the projection has applied it, up to a
 * limit, and is answered 503 {@code PROJECTION_BEHIND} past it. Redis is applied after PostgreSQL in every batch, so
 * Redis having it means both have.
 */
@ApplicationScoped
public class ReadAfter {

    static final String HEADER = "Ledgerline-Min-Sequence";
    private static final Duration POLL = Duration.ofMillis(10);

    private final RedisLineReads redis;
    private final Duration limit;

    public ReadAfter(RedisLineReads redis, ProjectionConfig config) {
        this.redis = redis;
        this.limit = config.readWaitLimit();
    }

    /** Completes once {@code queueId} reflects {@code minSequence} (at once when null). */
    Uni<Void> sequence(String queueId, String fromQuery, String fromHeader) {
        if (fromQuery == null && fromHeader == null) {
            return Uni.createFrom().voidItem();
        }
        long wanted = Pages.wholeNumber(fromQuery != null ? fromQuery : fromHeader, "minSequence");
        return poll(queueId, wanted, System.nanoTime() + limit.toNanos());
    }

    private Uni<Void> poll(String queueId, long wanted, long deadline) {
        return redis.lastSequence(queueId).flatMap(applied -> {
            if (applied >= wanted) {
                return Uni.createFrom().voidItem();
            }
            if (System.nanoTime() > deadline) {
                throw ProblemException.projectionBehind("queue " + queueId + " is projected up to sequence " + applied
                        + ", not yet " + wanted + ", after waiting " + limit + "; retry shortly");
            }
            return Uni.createFrom().voidItem().onItem().delayIt().by(POLL)
                    .flatMap(ignored -> poll(queueId, wanted, deadline));
        });
    }
}
