package io.ledgerline.projection.store;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.ledgerline.projection.ProjectionConfig;

/**
 * Names of the Redis keys of the projection. Per-queue keys share a hash tag ({queueId}) so one script may touch
 * them all even on a Redis Cluster.
 */
@ApplicationScoped
public class RedisKeys {

    /** Before each per-queue key's hash tag, after the prefix: {@code ll:q:{queueId}:…}. */
    private static final String QUEUE_TAG = "q:{";

    private final String prefix;

    public RedisKeys(ProjectionConfig config) {
        this.prefix = config.redisKeyPrefix();
    }

    public String prefix() {
        return prefix;
    }

    /** Hash: partition of the events topic → the epoch its queues' keys were built in. */
    public String epochs() {
        return prefix + "epochs";
    }

    /** The queue a per-queue key belongs to, from its hash tag; empty for any other key. */
    public Optional<String> queueOf(String key) {
        String queues = prefix + QUEUE_TAG;
        int end = key.indexOf('}', queues.length());
        return key.startsWith(queues) && end > 0 ? Optional.of(key.substring(queues.length(), end)) : Optional.empty();
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
        return prefix + QUEUE_TAG + queueId + "}";
    }
}
