package io.ledgerline.projection.messaging;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import io.ledgerline.projection.ProjectionConfig;
import io.ledgerline.projection.store.PgProjectionReset;
import io.ledgerline.projection.store.RedisProjectionReset;

/**
 * Drops both read models and replays the log from its beginning. Runs on the Kafka polling thread (from the
 * rebalance listener or through {@code runOnPollingThread}), so no record is polled while it works.
 * Assumes a single projection instance: it wipes everything, not just the assigned partitions' queues.
 */
@ApplicationScoped
public class ProjectionRebuilder {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuilder.class);

    private final ReplayGate gate;
    private final PgProjectionReset postgres;
    private final RedisProjectionReset redis;
    private final ProjectionConfig config;

    public ProjectionRebuilder(ReplayGate gate, PgProjectionReset postgres, RedisProjectionReset redis,
            ProjectionConfig config) {
        this.gate = gate;
        this.postgres = postgres;
        this.redis = redis;
        this.config = config;
    }

    /** Both stores carry the same epoch marker: they were built together and may continue from committed offsets. */
    public boolean markersAgree() {
        Optional<String> inRedis = redis.epoch();
        Optional<String> inPostgres = postgres.epoch();
        boolean agree = inRedis.isPresent() && inRedis.equals(inPostgres);
        if (!agree) {
            LOG.warnf("Projection epoch markers differ: redis=%s postgresql=%s", inRedis.orElse("<none>"),
                    inPostgres.orElse("<none>"));
        }
        return agree;
    }

    /** Stop (new generation, wait for the batch in flight), wipe both stores, mark a new epoch, seek to the start. */
    public String rebuild(Consumer<?, ?> consumer, Collection<TopicPartition> partitions, String why) {
        LOG.warnf("Rebuilding the position projection (%s) from the beginning of %s", why, partitions);
        awaitInFlight();
        wipe();
        String epoch = UUID.randomUUID().toString();
        redis.writeEpoch(epoch);
        postgres.writeEpoch(epoch);
        consumer.seekToBeginning(partitions);
        // Commit the start too: a crash during the replay then resumes it instead of skipping what was wiped.
        Map<TopicPartition, OffsetAndMetadata> start = consumer.beginningOffsets(partitions).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())));
        consumer.commitSync(start);
        LOG.infof("Projection epoch %s: replaying %d partitions from the beginning", epoch, partitions.size());
        return epoch;
    }

    /** Wipes both stores, markers included, so that the next start rebuilds. */
    public void wipe() {
        postgres.wipe();
        redis.wipe();
    }

    private void awaitInFlight() {
        try {
            gate.nextGeneration().get(config.rebuildInFlightTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the batch in flight", e);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("The batch in flight did not finish cleanly before the rebuild; it will be replayed", e);
        }
    }
}
