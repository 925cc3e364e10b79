package io.ledgerline.projection.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import io.ledgerline.projection.ProjectionConfig;
import io.ledgerline.projection.model.LineMove;
import io.ledgerline.projection.model.LineUpdate;
import io.ledgerline.projection.store.RedisLineReads;
import io.ledgerline.schemas.RegistryCodec;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import ledgerline.queue.v1.LineDelta;
import ledgerline.queue.v1.LineMoveKind;
import ledgerline.queue.v1.LineSnapshotPart;
import ledgerline.queue.v1.PositionUpdate;

/**
 * Writes how each queue's line moved to {@code ledgerline.position-updates.v1}, after the batch is in both stores and
 * before its offsets are committed: a delta when it follows what this instance last wrote for the queue, a snapshot
 * (read from Redis at the batch's end, in parts) when it does not, when the moves do not say everything, and at least
 * every {@code position-snapshot-interval} while the queue moves. Runs within the batch's turn, so a queue's records
 * are written in sequence order. What was already written (a rebuild replaying the past) is not written again.
 */
@ApplicationScoped
public class PositionUpdatePublisher {

    public static final String CHANNEL = "position-updates";

    private static final Logger LOG = Logger.getLogger(PositionUpdatePublisher.class);

    /** A delta longer than this (a batch of thousands of calls in one queue) is sent as a snapshot instead. */
    static final int MAX_DELTA_MOVES = 10_000;

    private record Written(long sequence, Instant snapshotAt) {
    }

    private final MutinyEmitter<byte[]> emitter;
    private final RegistryCodec codec;
    private final RedisLineReads lines;
    private final String topic;
    private final Duration snapshotInterval;
    private final int partSize;
    /** Per queue, the sequence of the last record written and when the last snapshot was. */
    private final Map<String, Written> written = new ConcurrentHashMap<>();

    public PositionUpdatePublisher(
            @Channel(CHANNEL) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<byte[]> emitter,
            RegistryCodec codec, RedisLineReads lines, ProjectionConfig config,
            @ConfigProperty(name = "mp.messaging.outgoing." + CHANNEL + ".topic") String topic) {
        this.emitter = emitter;
        this.codec = codec;
        this.lines = lines;
        this.topic = topic;
        this.snapshotInterval = config.positionSnapshotInterval();
        this.partSize = config.positionSnapshotPartSize();
    }

    /** Completes once the topic has every record; a failure is logged and the queues concerned get snapshots next. */
    public Uni<Void> publish(List<LineUpdate> updates) {
        List<Uni<List<PositionUpdate>>> records = new ArrayList<>(updates.size());
        Instant now = Instant.now();
        for (LineUpdate update : updates) {
            Written before = written.get(update.queueId());
            if (before != null && update.sequence() <= before.sequence()) {
                continue;
            }
            boolean follows = before != null && update.fromSequence() == before.sequence()
                    && !update.snapshotNeeded() && update.moves().size() <= MAX_DELTA_MOVES;
            boolean snapshot = !follows || now.isAfter(before.snapshotAt().plus(snapshotInterval));
            List<PositionUpdate> delta = follows ? List.of(delta(update)) : List.of();
            if (snapshot) {
                records.add(snapshot(update).map(parts -> concat(delta, parts)));
                written.put(update.queueId(), new Written(update.sequence(), now));
            } else {
                records.add(Uni.createFrom().item(delta));
                written.put(update.queueId(), new Written(update.sequence(), before.snapshotAt()));
            }
        }
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(records).andFailFast()
                // Encoding may register the schema, blocking, the first time.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .flatMap(perQueue -> send(perQueue))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Writing position updates failed (%s); the queues get snapshots with their next batch",
                            failure.toString());
                    updates.forEach(update -> written.remove(update.queueId()));
                    return null;
                });
    }

    private Uni<Void> send(List<List<PositionUpdate>> perQueue) {
        List<Uni<Void>> sends = new ArrayList<>();
        for (List<PositionUpdate> records : perQueue) {
            for (PositionUpdate record : records) {
                OutgoingKafkaRecordMetadata<String> key = OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(record.getQueueId()).build();
                sends.add(emitter.sendMessage(Message.of(codec.encode(topic, record)).addMetadata(key)));
            }
        }
        return sends.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    private static PositionUpdate delta(LineUpdate update) {
        List<ledgerline.queue.v1.LineMove> moves = new ArrayList<>(update.moves().size());
        for (LineMove move : update.moves()) {
            moves.add(new ledgerline.queue.v1.LineMove(kind(move.kind()), move.entryId(), move.rank()));
        }
        return record(update.queueId(), update.sequence(), update.waiting(), update.occurredAt(),
                new LineDelta(update.fromSequence(), moves));
    }

    private Uni<List<PositionUpdate>> snapshot(LineUpdate update) {
        return lines.line(update.queueId()).map(line -> {
            List<String> ids = line.entryIds();
            int parts = Math.max(1, (ids.size() + partSize - 1) / partSize);
            List<PositionUpdate> records = new ArrayList<>(parts);
            for (int part = 0; part < parts; part++) {
                int first = part * partSize;
                List<String> slice = ids.subList(first, Math.min(ids.size(), first + partSize));
                records.add(record(update.queueId(), line.sequence(), ids.size(), update.occurredAt(),
                        new LineSnapshotPart(part, parts, first + 1L, new ArrayList<>(slice))));
            }
            return records;
        });
    }

    private static PositionUpdate record(String queueId, long sequence, long waiting, Instant at, Object body) {
        return PositionUpdate.newBuilder().setQueueId(queueId).setSequence(sequence).setWaiting(waiting)
                .setOccurredAt(at).setBody(body).build();
    }

    private static LineMoveKind kind(LineMove.Kind kind) {
        return switch (kind) {
            case LEFT -> LineMoveKind.LEFT;
            case ENTERED -> LineMoveKind.ENTERED;
            case CLEARED -> LineMoveKind.CLEARED;
            // Never in a delta: a reshuffled line is sent as a snapshot.
            case RESHUFFLED -> throw new IllegalArgumentException("a reshuffle has no move of its own");
        };
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
