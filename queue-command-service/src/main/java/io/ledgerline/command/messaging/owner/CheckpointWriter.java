package io.ledgerline.command.messaging.owner;

import io.ledgerline.command.config.CommandServiceConfig;
import io.ledgerline.command.messaging.SnapshotMapper;
import io.ledgerline.command.model.QueueBook;
import io.ledgerline.command.model.QueueCheckpoint;
import io.ledgerline.log.SnapshotParts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.ledgerline.schemas.RegistryCodec;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import ledgerline.queue.v1.QueueSnapshot;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Writes a partition's checkpoint: every queue that changed since the previous one, split in parts, in one
 * transaction. The transaction also carries the partition's unchanged consumer offset, so that a zombie owner
 * (another instance's group generation) cannot commit a stale checkpoint over its successor's.
 */
@ApplicationScoped
public class CheckpointWriter {

    private final SnapshotMapper mapper;
    private final RegistryCodec codec;
    private final String snapshotsTopic;
    private final String commandsTopic;
    private final int partEntries;
    private final Counter written;
    /** The processor decides nothing while it writes a checkpoint: this is how long commands may wait for one. */
    private final Timer duration;

    private final Clock clock;

    public CheckpointWriter(SnapshotMapper mapper, RegistryCodec codec, CommandServiceConfig config,
                            MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.mapper = mapper;
        this.codec = codec;
        this.snapshotsTopic = config.topics().snapshots();
        this.commandsTopic = config.topics().commands();
        this.partEntries = config.command().snapshotPartEntries();
        this.written = Counter.builder("ledgerline.command.checkpoints").description("partition checkpoints written")
                .register(registry);
        this.duration = Timer.builder("ledgerline.command.checkpoint").description("writing one partition's checkpoint")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    /** @param replayFrom the events offset just past everything the book reflects for this partition */
    void write(int partition, QueueBook book, KafkaProducer<String, byte[]> producer,
               KafkaConsumer<String, byte[]> consumer, long replayFrom) {
        List<QueueCheckpoint> changed = book.changedSinceCheckpoint(partition);
        if (changed.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        Instant takenAt = clock.instant();
        Map<String, Integer> partsByQueue = new HashMap<>();
        producer.beginTransaction();
        try {
            for (QueueCheckpoint checkpoint : changed) {
                List<QueueSnapshot> parts = mapper.toAvro(checkpoint, replayFrom, takenAt, partEntries);
                for (QueueSnapshot part : parts) {
                    producer.send(new ProducerRecord<>(snapshotsTopic, partition,
                            SnapshotParts.key(checkpoint.queueId(), part.getPart()), codec.encode(snapshotsTopic, part)));
                }
                for (int stale = parts.size(); stale < checkpoint.previousParts(); stale++) {
                    producer.send(new ProducerRecord<>(snapshotsTopic, partition,
                            SnapshotParts.key(checkpoint.queueId(), stale), null));
                }
                partsByQueue.put(checkpoint.queueId(), parts.size());
            }
            TopicPartition commands = new TopicPartition(commandsTopic, partition);
            producer.sendOffsetsToTransaction(Map.of(commands, new OffsetAndMetadata(consumer.position(commands))),
                    consumer.groupMetadata());
            producer.commitTransaction();
        } catch (RuntimeException e) {
            Transactions.abortQuietly(producer, e);
            throw e;
        }
        book.checkpointed(partition, partsByQueue);
        written.increment();
        duration.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }
}
