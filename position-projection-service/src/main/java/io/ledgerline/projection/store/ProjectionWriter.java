package io.ledgerline.projection.store;

import jakarta.enterprise.context.ApplicationScoped;

import io.ledgerline.projection.model.ProjectedEvent;
import io.ledgerline.projection.model.ProjectionOutcome;
import io.smallrye.mutiny.Uni;

/** Applies one event to both read models: PostgreSQL first, then Redis. */
@ApplicationScoped
public class ProjectionWriter {

    private final PgProjectionStore postgres;
    private final RedisPositionStore redis;

    public ProjectionWriter(PgProjectionStore postgres, RedisPositionStore redis) {
        this.postgres = postgres;
        this.redis = redis;
    }

    public Uni<ProjectionOutcome> apply(ProjectedEvent event) {
        return postgres.apply(event)
                .flatMap(pg -> redis.apply(event).map(r -> new ProjectionOutcome(r, pg)));
    }
}
