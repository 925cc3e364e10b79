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
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A queue's state at any point of its past, read from the log with the domain's own {@code evolve}: from the newest
 * retained checkpoint that reflects nothing after the point, plus the queue's events after it. So the work grows with
 * the events since that checkpoint, not with the log's length; a point older than every retained checkpoint (the
 * snapshots topic is compacted) is replayed from the partition's beginning.
 *
 * <p>The reader is the caller's, made by {@link #newReader}; the replay assigns it, never subscribes it.
 */
public final class QueueHistory {

    /** Records of the snapshots partition read in the first backward window; each further one is twice as long. */
    private static final long WINDOW = 256;

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

    /** A checkpoint of the queue, and the offset of the events partition its replay may start from. */
    private record Start(QueueSnapshot[] parts, long replayFrom) {}

    private final Consumer<String, byte[]> reader;
    private final RegistryCodec codec;
    private final String eventsTopic;
    private final String snapshotsTopic;

    /**
     * A consumer fit to be a replay's reader: read_committed (an aborted transaction's records are never seen), String
     * keys and raw values, no commits, and no wait at the partition's end, since a replay reads up to an end known
     * beforehand (the default half-second wait cost each scan that much). {@code settings} adds the bootstrap servers,
     * a client id and any sizes.
     */
    public static KafkaConsumer<String, byte[]> newReader(Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

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
        Start start = newestCheckpoint(queueId, partition, point);
        if (start == null) {
            return play(queueId, partition, 0, QueueDecider.initialState(), 0, point, started, null);
        }
        return play(queueId, partition, start.replayFrom(), SnapshotParts.toDomain(Arrays.asList(start.parts())),
                start.parts()[0].getSequence(), point, started, null);
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
        long read = PartitionScan.readToEnd(reader, new TopicPartition(eventsTopic, partition), fromOffset, record -> {
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

    /**
     * The newest complete checkpoint of the queue that the point admits; null when there is none. The snapshots
     * partition is read backwards, a window at a time, from the end (or, for a time, from where records get younger
     * than the point), so only the checkpoints newer than the one used are decoded.
     *
     * <p>The replay starts from that checkpoint's offset, or later: a partition's checkpoint covers every queue that
     * changed since the one before, so a queue absent from a newer partition checkpoint had no event up to that
     * checkpoint's offset. Without this, a queue that rarely changes in a busy partition would be replayed across
     * everything the others wrote since.
     */
    private Start newestCheckpoint(String queueId, int partition, HistoryPoint point) {
        TopicPartition snapshots = new TopicPartition(snapshotsTopic, partition);
        long start = PartitionScan.beginning(reader, snapshots);
        long end = PartitionScan.end(reader, snapshots);
        if (point.time() != null) {
            // A checkpoint is recorded right after it is taken; a minute covers any difference of clocks.
            end = PartitionScan.offsetAt(reader, snapshots, point.time().plusSeconds(60)).orElse(end);
        }
        String partPrefix = queueId + '#';
        Map<Long, QueueSnapshot[]> collecting = new HashMap<>();
        long[] newestOfQueue = {-1};
        byte[][] newestOfPartition = {null};
        long[] newestOfPartitionAt = {-1};
        for (long window = WINDOW; end > start; window *= 2) {
            long from = Math.max(start, end - window);
            PartitionScan.read(reader, snapshots, from, end, record -> {
                if (record.value() == null) {
                    return true;
                }
                // Its record time follows the time it was taken, so a record in time is a checkpoint in time.
                if (point.sequence() == null && record.offset() > newestOfPartitionAt[0]
                        && (point.time() == null || record.timestamp() <= point.time().toEpochMilli())) {
                    newestOfPartition[0] = record.value();
                    newestOfPartitionAt[0] = record.offset();
                }
                String key = record.key();
                if (key != null && (key.equals(queueId) || key.startsWith(partPrefix))) {
                    QueueSnapshot part = (QueueSnapshot) codec.decode(record.value());
                    if (point.admitsCheckpoint(part.getSequence(), part.getTakenAt())
                            && part.getPart() < part.getParts()) {
                        newestOfQueue[0] = Math.max(newestOfQueue[0], part.getSequence());
                        collecting.computeIfAbsent(part.getSequence(), s -> new QueueSnapshot[part.getParts()])
                                [part.getPart()] = part;
                    }
                }
                return true;
            });
            // A queue's checkpoints are appended in sequence order: the best one complete so far is the newest there
            // is, and the windows further back hold only older ones.
            QueueSnapshot[] best = collecting.entrySet().stream()
                    .filter(e -> Arrays.stream(e.getValue()).allMatch(Objects::nonNull))
                    .max(Map.Entry.comparingByKey()).map(Map.Entry::getValue).orElse(null);
            if (best != null) {
                return new Start(best, replayFrom(best[0], newestOfQueue[0], newestOfPartition[0], point));
            }
            end = from;
        }
        return null;
    }

    /**
     * Where the replay from {@code head} may start: the newest partition checkpoint in the point's past, when the
     * queue has no newer (even incomplete) checkpoint of its own; else the checkpoint's own offset.
     */
    private long replayFrom(QueueSnapshot head, long newestOfQueue, byte[] newestOfPartition, HistoryPoint point) {
        if (newestOfPartition == null || newestOfQueue > head.getSequence()) {
            return head.getReplayFrom();
        }
        QueueSnapshot newest = (QueueSnapshot) codec.decode(newestOfPartition);
        boolean inThePast = point.time() == null
                || newest.getTakenAt() != null && !newest.getTakenAt().isAfter(point.time());
        return inThePast ? Math.max(head.getReplayFrom(), newest.getReplayFrom()) : head.getReplayFrom();
    }
}
