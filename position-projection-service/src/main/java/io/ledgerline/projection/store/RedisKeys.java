package io.ledgerline.projection.store;

import jakarta.enterprise.context.ApplicationScoped;

import io.ledgerline.projection.ProjectionConfig;

/**
 * Names of the Redis keys of the projection. Per-queue keys share a hash tag ({queueId}) so one script may touch
 * them all even on a Redis Cluster.
 */
@ApplicationScoped
public class RedisKeys {

    private final String prefix;

    public RedisKeys(ProjectionConfig config) {
        this.prefix = config.redisKeyPrefix();
    }

    public String prefix() {
        return prefix;
    }

    public String epoch() {
        return prefix + "epoch";
    }

    public String lastSequence(String queueId) {
        return queue(queueId) + ":seq";
    }

    public String waiting(String queueId) {
        return queue(queueId) + ":waiting";
    }

    public String activeScores(String queueId) {
        return queue(queueId) + ":scores";
    }

    /** Entries held for a service of their person elsewhere, and where each goes once back (see the script). */
    public String servedElsewhere(String queueId) {
        return queue(queueId) + ":elsewhere";
    }

    private String queue(String queueId) {
        return prefix + "q:{" + queueId + "}";
    }
}
