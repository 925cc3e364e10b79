package io.ledgerline.projection.store;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.ledgerline.projection.messaging.ProjectionMetrics;
import io.ledgerline.projection.model.ApplyOutcome;
import io.ledgerline.projection.model.ProjectedEvent;
import io.ledgerline.projection.model.ProjectionOutcome;
import io.ledgerline.projection.model.SequenceCheck;
import io.ledgerline.projection.model.WrittenBatch;
import io.smallrye.mutiny.Uni;

/**
 * Applies a batch of events to both read models: PostgreSQL first (one transaction), then Redis (one round trip).
 * What PostgreSQL held back on a gap is not sent to Redis, so neither store moves past a gap.
 */
@ApplicationScoped
public class ProjectionWriter {

    private final PgBatchStore postgres;
    private final RedisPositionStore redis;
    private final ProjectionMetrics metrics;

    public ProjectionWriter(PgBatchStore postgres, RedisPositionStore redis, ProjectionMetrics metrics) {
        this.postgres = postgres;
        this.redis = redis;
        this.metrics = metrics;
    }

    /** The outcome of each event, in the events' order, and the waiting count of each queue Redis was sent. */
    public Uni<WrittenBatch> apply(List<ProjectedEvent> events) {
        long started = System.nanoTime();
        return postgres.apply(events).flatMap(pg -> {
            metrics.stage("postgresql", started);
            long redisStarted = System.nanoTime();
            List<ProjectedEvent> forRedis = new ArrayList<>(events.size());
            for (int i = 0; i < events.size(); i++) {
                if (pg.get(i).check() != SequenceCheck.GAP) {
                    forRedis.add(events.get(i));
                }
            }
            return redis.apply(forRedis)
                    .invoke(() -> metrics.stage("redis", redisStarted))
                    .map(inRedis -> new WrittenBatch(merge(pg, inRedis.outcomes()), inRedis.waiting()));
        });
    }

    private static List<ProjectionOutcome> merge(List<ApplyOutcome> pg, List<ApplyOutcome> inRedis) {
        List<ProjectionOutcome> outcomes = new ArrayList<>(pg.size());
        int r = 0;
        for (ApplyOutcome postgres : pg) {
            outcomes.add(postgres.check() == SequenceCheck.GAP ? ProjectionOutcome.heldBackByPostgres(postgres)
                    : new ProjectionOutcome(inRedis.get(r++), postgres));
        }
        return outcomes;
    }
}
