package io.ledgerline.projection.messaging;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
 * Rebuilds the read models partition by partition of the events topic: each partition's queues carry an epoch marker
 * in both stores, and a partition whose markers are missing or differ is wiped (its queues only) and replayed from
 * its beginning. Several instances share the stores, each rebuilding only the partitions its consumer was given, so
 * none wipes or skips another's queues. Runs on the Kafka polling thread (from the rebalance listener, the epoch
 * watch or through {@code runOnPollingThread}), so no record is polled while it works.
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

    /** Some partitions are marked, and every marked partition has the same epoch in both stores. */
    public boolean markersAgree() {
        Map<Integer, String> inPostgres = postgres.epochs();
        return !inPostgres.isEmpty() && inPostgres.equals(redis.epochs());
    }

    /** The partitions among {@code assigned} whose stores were not built together (a marker missing or different). */
    public Set<TopicPartition> unmarked(Collection<TopicPartition> assigned) {
        Map<Integer, String> inPostgres = postgres.epochs();
        Map<Integer, String> inRedis = redis.epochs();
        Set<TopicPartition> unmarked = assigned.stream()
                .filter(tp -> inPostgres.get(tp.partition()) == null
                        || !Objects.equals(inPostgres.get(tp.partition()), inRedis.get(tp.partition())))
                .collect(Collectors.toSet());
        if (!unmarked.isEmpty()) {
            LOG.warnf("Projection epoch markers missing or different for partitions %s",
                    AssignedPartitions.numbers(unmarked));
        }
        return unmarked;
    }

    /** Rebuilds those of the assigned partitions whose markers do not agree; answers their new epoch, if any. */
    public String rebuildUnmarked(Consumer<?, ?> consumer, Collection<TopicPartition> assigned, String why) {
        Set<TopicPartition> unmarked = unmarked(assigned);
        return unmarked.isEmpty() ? null : rebuild(consumer, unmarked, assigned, why);
    }

    /**
     * Stop (new generation, wait for the batch in flight), wipe the partitions' queues in both stores, mark a new
     * epoch, seek them to their beginning. The other assigned partitions go back to their committed offsets: records
     * polled for them before the new generation are dropped unapplied, and read again.
     */
    public String rebuild(Consumer<?, ?> consumer, Set<TopicPartition> partitions, Collection<TopicPartition> assigned,
            String why) {
        Set<Integer> numbers = AssignedPartitions.numbers(partitions);
        LOG.warnf("Rebuilding the position projection's partitions %s (%s) from their beginning", numbers, why);
        awaitInFlight();
        int partitionCount = consumer.partitionsFor(partitions.iterator().next().topic()).size();
        postgres.wipe(numbers, partitionCount);
        redis.wipe(numbers, partitionCount);
        String epoch = UUID.randomUUID().toString();
        redis.writeEpoch(numbers, epoch);
        postgres.writeEpoch(numbers, epoch);
        consumer.seekToBeginning(partitions);
        // Commit the start too: a crash during the replay then resumes it instead of skipping what was wiped.
        Map<TopicPartition, OffsetAndMetadata> start = consumer.beginningOffsets(partitions).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())));
        consumer.commitSync(start);
        Set<TopicPartition> others = new HashSet<>(assigned);
        others.removeAll(partitions);
        if (!others.isEmpty()) {
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(others);
            for (TopicPartition tp : others) {
                OffsetAndMetadata at = committed.get(tp);
                if (at == null) {
                    consumer.seekToBeginning(Set.of(tp));
                } else {
                    consumer.seek(tp, at.offset());
                }
            }
        }
        LOG.infof("Projection epoch %s: replaying partitions %s from their beginning", epoch, numbers);
        return epoch;
    }

    /**
     * Drops every partition's markers in both stores, so that each partition's owner, whichever instance it is,
     * rebuilds it when it next looks (at once here, within the epoch watch's interval elsewhere).
     */
    public void forgetEpochs() {
        postgres.forgetEpochs();
        redis.forgetEpochs();
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
