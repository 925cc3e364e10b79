package io.ledgerline.projection;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the position projection, all under {@code ledgerline.projection}. */
@ConfigMapping(prefix = "ledgerline.projection")
public interface ProjectionConfig {

    /** Apicurio Registry v3 API base the event schemas are looked up in, e.g. {@code http://host:8085/apis/registry/v3}. */
    String registryUrl();

    /** Prefix of every Redis key this projection owns; a rebuild deletes all keys under it. */
    @WithDefault("ll:")
    String redisKeyPrefix();

    /** PostgreSQL schema of the read-model tables (Flyway and Hibernate use it too). */
    @WithDefault("position_projection")
    String pgSchema();

    /** Largest page {@code GET /queues/{id}/entries} returns. */
    @WithDefault("500")
    int maxPageSize();

    /** How long a read that asks for at least a sequence ({@code minSequence}) waits for the projection to reach it. */
    @WithDefault("5s")
    Duration readWaitLimit();

    /** How long entries' journeys and queues' audit trails are kept (the log keeps everything). */
    @WithDefault("P400D")
    Duration historyRetention();

    /** How long a rebuild waits for the batch being applied when it starts. */
    @WithDefault("30s")
    Duration rebuildInFlightTimeout();

    /** The command service's checkpoints, which a replay of a queue's past starts from ({@code GET /queues/{id}/at}). */
    @WithDefault("ledgerline.queue-snapshots.v1")
    String snapshotsTopic();

    /**
     * How often, at most, a queue whose line moves gets a full snapshot on the position-updates topic, for
     * subscribers that start late (besides the snapshots a delta cannot replace).
     */
    @WithDefault("5m")
    Duration positionSnapshotInterval();

    /** Entries per record of a snapshot on the position-updates topic (ids of up to 64 characters: at most 320 KB). */
    @WithDefault("5000")
    int positionSnapshotPartSize();

    /**
     * How often each instance looks at its partitions' epoch markers, so that a rebuild asked of another instance
     * (which drops every marker) reaches this one's partitions.
     */
    @WithDefault("2s")
    Duration epochCheckInterval();
}
