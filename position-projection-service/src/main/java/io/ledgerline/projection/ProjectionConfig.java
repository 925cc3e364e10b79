package io.ledgerline.projection;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the position projection, all under {@code ledgerline.projection}. */
@ConfigMapping(prefix = "ledgerline.projection")
public interface ProjectionConfig {

    /** Prefix of every Redis key this projection owns; a rebuild deletes all keys under it. */
    @WithDefault("ll:")
    String redisKeyPrefix();

    /** PostgreSQL schema of the read-model tables (Flyway and Hibernate use it too). */
    @WithDefault("position_projection")
    String pgSchema();

    /** Largest page {@code GET /queues/{id}/entries} returns. */
    @WithDefault("500")
    int maxPageSize();

    /** How long a rebuild waits for the event being applied when it starts. */
    @WithDefault("30s")
    Duration rebuildInFlightTimeout();
}
