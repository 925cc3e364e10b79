package io.ledgerline.log;

import io.ledgerline.queue.QueueDecider;
import io.ledgerline.queue.QueueEvent;
import io.ledgerline.queue.QueueState;
import io.ledgerline.schemas.RegistryCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import ledgerline.queue.v1.QueueEventEnvelope;
import ledgerline.queue.v1.QueueSnapshot;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * A queue's state at any point of its past, read from the log with the domain's own {@code evolve}: from the newest
 * retained checkpoint that reflects nothing after the point, plus the queue's events after it. So the work grows with
 * the events since that checkpoint, not with the log's length; a point older than every retained checkpoint (the
 * snapshots topic is compacted) is replayed from the partition's beginning.
 *
 * <p>The reader is the caller's: a read_committed consumer of String keys and byte[] values, never subscribed.
 */
public final class QueueHistory {

    /** What a replay saw of each event it applied, for readers that want more than the end state. */
    @FunctionalInterface
    public interface Step {
        void applied(QueueEventEnvelope envelope, QueueEvent event, QueueState before, QueueState after);
    }

    /**
     * @param checkpointSequence the sequence of the checkpoint the replay started from, 0 when it started at the
     *                           partition's beginning
     * @param recordsRead        records of the partition read (all queues'), the measure of the replay's work
     */
    public record Replayed(String queueId, QueueState state, long sequence, Instant lastEventAt,
                           long checkpointSequence, long recordsRead, long eventsApplied, Duration took) {
        public boolean exists() {
            return state.exists();
        }
    }

    private final Consumer<String, byte[]> reader;
    private final RegistryCodec codec;
    private final String eventsTopic;
    private final String snapshotsTopic;

    public QueueHistory(Consumer<String, byte[]> reader, RegistryCodec codec, String eventsTopic,
                        String snapshotsTopic) {
        this.reader = Objects.requireNonNull(reader);
        this.codec = Objects.requireNonNull(codec);
        this.eventsTopic = eventsTopic;
        this.snapshotsTopic = snapshotsTopic;
    }

    /** The queue's state at {@code point}, from the best checkpoint there is. */
    public Replayed replay(String queueId, HistoryPoint point) {
        long started = System.nanoTime();
        int partition = partitionOf(queueId);
        QueueSnapshot[] checkpoint = newestCheckpoint(queueId, partition, point);
        if (checkpoint == null) {
            return play(queueId, partition, 0, QueueDecider.initialState(), 0, point, started, null);
        }
        QueueSnapshot head = checkpoint[0];
        return play(queueId, partition, head.getReplayFrom(), SnapshotParts.toDomain(Arrays.asList(checkpoint)),
                head.getSequence(), point, started, null);
    }

    /** Every event of the queue from its first up to {@code point}, each handed to {@code step} as it is applied. */
    public Replayed replayEveryEvent(String queueId, HistoryPoint point, Step step) {
        return play(queueId, partitionOf(queueId), 0, QueueDecider.initialState(), 0, point, System.nanoTime(),
                Objects.requireNonNull(step));
    }

    public int partitionOf(String queueId) {
        return QueuePartitioner.partitionOf(queueId, reader.partitionsFor(eventsTopic).size());
    }

    private Replayed play(String queueId, int partition, long fromOffset, QueueState from, long fromSequence,
                          HistoryPoint point, long started, Step step) {
        QueueState[] state = {from};
        long[] sequence = {fromSequence};
        long[] applied = {0};
        Instant[] lastAt = {null};
        long read = PartitionScan.read(reader, new TopicPartition(eventsTopic, partition), fromOffset, record -> {
            if (!queueId.equals(record.key()) || !RegistryCodec.isFramed(record.value())) {
                return true;
            }
            QueueEventEnvelope envelope = (QueueEventEnvelope) codec.decode(record.value());
            if (envelope.getSequence() <= sequence[0]) {
                return true; // already in the checkpoint
            }
            if (!point.includes(envelope.getSequence(), envelope.getOccurredAt())) {
                return false;
            }
            QueueEvent event = EventPayloads.toDomain(envelope);
            QueueState before = state[0];
            state[0] = QueueDecider.evolve(before, event);
            sequence[0] = envelope.getSequence();
            lastAt[0] = envelope.getOccurredAt();
            applied[0]++;
            if (step != null) {
                step.applied(envelope, event, before, state[0]);
            }
            return point.sequence() == null || sequence[0] < point.sequence();
        });
        return new Replayed(queueId, state[0], sequence[0], lastAt[0], fromSequence, read, applied[0],
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** The parts of the newest complete checkpoint of the queue that the point admits; null when there is none. */
    private QueueSnapshot[] newestCheckpoint(String queueId, int partition, HistoryPoint point) {
        String partPrefix = queueId + '#';
        Map<Long, QueueSnapshot[]> collecting = new HashMap<>();
        QueueSnapshot[][] best = {null};
        PartitionScan.read(reader, new TopicPartition(snapshotsTopic, partition), 0, record -> {
            String key = record.key();
            if (record.value() == null || key == null || !(key.equals(queueId) || key.startsWith(partPrefix))) {
                return true;
            }
            QueueSnapshot part = (QueueSnapshot) codec.decode(record.value());
            if (!point.admitsCheckpoint(part.getSequence(), part.getTakenAt())
                    || best[0] != null && part.getSequence() <= best[0][0].getSequence()) {
                return true;
            }
            QueueSnapshot[] parts = collecting.computeIfAbsent(part.getSequence(), s -> new QueueSnapshot[part.getParts()]);
            if (part.getPart() < parts.length) {
                parts[part.getPart()] = part;
            }
            if (Arrays.stream(parts).allMatch(Objects::nonNull)) {
                best[0] = parts;
                collecting.keySet().removeIf(s -> s <= part.getSequence());
            }
            return true;
        });
        return best[0];
    }

}
