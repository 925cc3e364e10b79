package io.ledgerline.command.messaging.owner;

import io.ledgerline.command.config.CommandServiceConfig;
import io.ledgerline.command.messaging.KafkaClients;
import io.ledgerline.command.messaging.PollLoop;
import io.ledgerline.command.messaging.ResultMapper;
import io.ledgerline.command.model.Answer;
import io.ledgerline.command.model.QueueBook;
import io.ledgerline.command.model.RememberedOutcome;
import io.ledgerline.command.store.IdempotencyStore;
import io.ledgerline.command.store.IdempotencyStore.OutcomeKey;
import io.ledgerline.log.EventPayloads;
import io.ledgerline.log.SnapshotParts;
import io.ledgerline.schemas.RegistryCodec;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import ledgerline.queue.v1.CommandResult;
import ledgerline.queue.v1.QueueEventEnvelope;
import ledgerline.queue.v1.QueueSnapshot;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Makes this instance the owner of a partition: it reads back what the previous owner committed, and nothing more
 * than the latest checkpoint and the events after it, so the time it takes does not grow with the queues' history.
 * <ol>
 *   <li>the outcomes on the results partition that the local idempotency store does not have yet;</li>
 *   <li>the newest checkpoint of every queue of the partition, from the compacted snapshots topic;</li>
 *   <li>the events appended since the newest checkpoint.</li>
 * </ol>
 * Commands, events, results and snapshots of a queue share one partition number.
 */
@ApplicationScoped
public class PartitionRestore {

    private static final Logger LOG = Logger.getLogger(PartitionRestore.class);
    private static final int STORE_WRITE_EVERY = 10_000;

    private final KafkaClients clients;
    private final ResultMapper results;
    private final IdempotencyStore window;
    private final RegistryCodec codec;
    private final CommandServiceConfig.Topics topics;
    private final Duration settleWithin;
    private final Timer timer;

    public PartitionRestore(KafkaClients clients, ResultMapper results,
                            IdempotencyStore window, RegistryCodec codec, CommandServiceConfig config,
                            MeterRegistry registry) {
        this.clients = clients;
        this.results = results;
        this.window = window;
        this.codec = codec;
        this.topics = config.topics();
        this.settleWithin = config.command().transactionTimeout().plusSeconds(15);
        this.timer = Timer.builder("ledgerline.command.restore").description("taking over newly assigned partitions")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    /**
     * Restores the queues of the given partitions into {@code book}, all partitions in one pass per topic; answers
     * the offsets of the results, snapshots and events partitions that the restored state reflects. A partition
     * restored a moment ago is in {@code restoredUpTo} (as this method answered then): only what came after is read,
     * and when nothing came, nothing is read at all.
     */
    public Map<TopicPartition, Long> restore(Collection<Integer> partitions, QueueBook book, Admin admin,
                                             KafkaConsumer<String, byte[]> reader, PollLoop loop,
                                             Map<TopicPartition, Long> restoredUpTo) throws Exception {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        long started = System.nanoTime();
        List<TopicPartition> all = new ArrayList<>();
        for (String topic : List.of(topics.results(), topics.snapshots(), topics.events())) {
            partitions.forEach(p -> all.add(new TopicPartition(topic, p)));
        }
        Map<TopicPartition, Long> ends = StableEnds.await(admin, all, settleWithin, loop);
        if (all.stream().allMatch(tp -> ends.get(tp).equals(restoredUpTo.get(tp)))) {
            return ends; // restored ahead, and nothing was written since
        }
        Map<Integer, Long> alreadyAt = new HashMap<>();
        partitions.forEach(p -> {
            Long eventsAt = restoredUpTo.get(new TopicPartition(topics.events(), p));
            if (eventsAt != null) {
                alreadyAt.put(p, eventsAt);
            }
        });
        long settled = System.nanoTime();
        // The outcomes go to the store, the queues to the book: both reads run at once, each with its own consumer.
        CompletableFuture<Long> outcomes = CompletableFuture.supplyAsync(() -> {
            try (KafkaConsumer<String, byte[]> results = clients.committedReader()) {
                return catchUpOutcomes(results, partitions, ends, loop);
            }
        }, runnable -> Thread.ofPlatform().name("outcomes-catch-up").daemon().start(runnable));
        Map<Integer, Long> replayFrom = new HashMap<>(alreadyAt);
        List<Integer> fresh = partitions.stream().filter(p -> !alreadyAt.containsKey(p)).toList();
        if (!fresh.isEmpty()) {
            replayFrom.putAll(loadCheckpoints(reader, fresh, ends, book, loop));
        }
        long loaded = System.nanoTime();
        long replayed = replayEvents(reader, replayFrom, ends, book, loop);
        long caughtUp;
        try {
            caughtUp = outcomes.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        long done = System.nanoTime();
        timer.record(done - started, TimeUnit.NANOSECONDS);
        LOG.infof("partitions %s restored in %d ms: %d outcomes caught up, checkpoints up to offsets %s, %d events"
                        + " replayed, %d queues (open transactions settled in %d ms, checkpoints %d ms, events %d ms)",
                partitions, millis(done - started), caughtUp, replayFrom, replayed, book.queueCount(),
                millis(settled - started), millis(loaded - settled), millis(done - loaded));
        return ends;
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private long catchUpOutcomes(KafkaConsumer<String, byte[]> reader, Collection<Integer> partitions,
                                 Map<TopicPartition, Long> ends, PollLoop loop) {
        Map<TopicPartition, Long> from = new HashMap<>();
        for (int p : partitions) {
            TopicPartition tp = new TopicPartition(topics.results(), p);
            long stored = window.resultsOffset(p).orElse(0);
            from.put(tp, stored > ends.get(tp) ? 0 : stored); // a topic younger than the store (re-created): all of it
        }
        Map<OutcomeKey, RememberedOutcome> pending = new LinkedHashMap<>();
        Map<Integer, Long> readUpTo = new HashMap<>();
        long[] seen = {0};
        read(reader, from, ends, loop, record -> {
            readUpTo.put(record.partition(), record.offset() + 1);
            if (!RegistryCodec.isFramed(record.value())) {
                return;
            }
            Answer answer;
            try {
                answer = results.toDomain((CommandResult) codec.decode(record.value()));
            } catch (RuntimeException e) {
                if (RegistryCodec.isOutage(e)) {
                    throw e;
                }
                LOG.warnf("skipping an unreadable result at %s-%d@%d: %s", record.topic(), record.partition(),
                        record.offset(), e);
                return;
            }
            if (answer.isFirstRemembered()) {
                pending.put(new OutcomeKey(answer.queueId(), answer.commandId()), answer.remembered());
                seen[0]++;
            }
            if (pending.size() >= STORE_WRITE_EVERY) {
                window.remember(pending, readUpTo);
                pending.clear();
            }
        });
        Map<Integer, Long> caughtUp = new HashMap<>();
        from.keySet().forEach(tp -> caughtUp.put(tp.partition(), ends.get(tp)));
        window.remember(pending, caughtUp);
        return seen[0];
    }

    /** Loads the newest checkpoint of each queue; answers, per partition, the events offset to replay from. */
    private Map<Integer, Long> loadCheckpoints(KafkaConsumer<String, byte[]> reader, Collection<Integer> partitions, Map<TopicPartition, Long> ends,
                                               QueueBook book, PollLoop loop) {
        Map<TopicPartition, Long> from = new HashMap<>();
        partitions.forEach(p -> from.put(new TopicPartition(topics.snapshots(), p), 0L));
        Map<Integer, Map<String, QueueSnapshot>> newest = new HashMap<>();
        read(reader, from, ends, loop, record -> {
            Map<String, QueueSnapshot> ofPartition = newest.computeIfAbsent(record.partition(), p -> new HashMap<>());
            if (record.value() == null) {
                ofPartition.remove(record.key()); // a tombstone: a part no longer needed
            } else {
                ofPartition.put(record.key(), (QueueSnapshot) codec.decode(record.value()));
            }
        });
        Map<Integer, Long> replayFrom = new HashMap<>();
        for (int partition : partitions) {
            replayFrom.put(partition, restoreCheckpoints(partition, newest.getOrDefault(partition, Map.of()), book));
        }
        return replayFrom;
    }

    private long restoreCheckpoints(int partition, Map<String, QueueSnapshot> newest, QueueBook book) {
        long replayFrom = 0;
        for (QueueSnapshot head : newest.values()) {
            if (head.getPart() != 0) {
                continue;
            }
            List<QueueSnapshot> parts = SnapshotParts.complete(head, newest);
            if (parts == null) {
                // Not one consistent checkpoint: trust none of them and replay the whole partition.
                LOG.warnf("checkpoint of queue %s is incomplete; replaying partition %d from its start",
                        head.getQueueId(), partition);
                book.forget(partition);
                return 0;
            }
            book.restore(partition, SnapshotParts.toDomain(parts), head.getSequence(), head.getParts());
            replayFrom = Math.max(replayFrom, head.getReplayFrom());
        }
        return replayFrom;
    }

    private long replayEvents(KafkaConsumer<String, byte[]> reader, Map<Integer, Long> replayFrom, Map<TopicPartition, Long> ends, QueueBook book,
                              PollLoop loop) {
        Map<TopicPartition, Long> from = new HashMap<>();
        replayFrom.forEach((p, offset) -> from.put(new TopicPartition(topics.events(), p), offset));
        long[] replayed = {0};
        read(reader, from, ends, loop, record -> {
            if (!RegistryCodec.isFramed(record.value())) {
                // Not written by this service; a real event lost this way would still show as a gap.
                LOG.warnf("skipping a record that is not a registry-framed event at %s-%d@%d", record.topic(),
                        record.partition(), record.offset());
                return;
            }
            QueueEventEnvelope envelope = (QueueEventEnvelope) codec.decode(record.value());
            book.replay(record.partition(), envelope.getSequence(), EventPayloads.toDomain(envelope));
            replayed[0]++;
        });
        return replayed[0];
    }

    /** Reads committed records of the given partitions, each from its start offset to its stable end found before. */
    private static void read(KafkaConsumer<String, byte[]> reader, Map<TopicPartition, Long> from,
                             Map<TopicPartition, Long> ends, PollLoop loop,
                             Consumer<ConsumerRecord<String, byte[]>> each) {
        reader.assign(from.keySet());
        Map<TopicPartition, Long> beginnings = reader.beginningOffsets(from.keySet());
        from.forEach((tp, offset) -> reader.seek(tp, Math.max(offset, beginnings.get(tp))));
        List<TopicPartition> open = new ArrayList<>(from.keySet());
        while (true) {
            open.removeIf(tp -> reader.position(tp) >= ends.get(tp));
            if (open.isEmpty()) {
                break;
            }
            reader.pause(difference(from.keySet(), open));
            // A short poll: a partition whose last records are transaction markers reaches its end with nothing to return.
            for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(20))) {
                if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                    each.accept(record);
                }
            }
            loop.beat();
        }
        reader.assign(List.of());
    }

    private static List<TopicPartition> difference(Collection<TopicPartition> all, Collection<TopicPartition> open) {
        return all.stream().filter(tp -> !open.contains(tp)).toList();
    }
}
