package io.ledgerline.projection.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import io.ledgerline.projection.model.LineUpdate;
import io.ledgerline.projection.model.ProjectedEvent;
import io.ledgerline.projection.model.ProjectionOutcome;
import io.ledgerline.projection.model.WrittenBatch;
import io.ledgerline.projection.store.ProjectionWriter;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Adapter from the events topic to the read models, a polled batch at a time: decode, apply (one PostgreSQL
 * transaction, one Redis round trip), account, publish how the lines moved, ack and commit. A poison record goes to
 * the dead-letter topic and consumption carries on; a sequence gap or a registry outage stops the channel (and
 * readiness) loudly, the batch nacked so that its offsets are not committed.
 */
@ApplicationScoped
public class QueueEventConsumer {

    public static final String CHANNEL = "queue-events";

    private static final Logger LOG = Logger.getLogger(QueueEventConsumer.class);

    private final QueueEventDecoder decoder;
    private final ProjectionWriter writer;
    private final DeadLetterPublisher deadLetters;
    private final ProjectionMetrics metrics;
    private final ProjectionStatus status;
    private final ReplayGate gate;
    private final KafkaClientService kafka;
    private final PositionUpdatePublisher positionUpdates;

    public QueueEventConsumer(QueueEventDecoder decoder, ProjectionWriter writer, DeadLetterPublisher deadLetters,
            ProjectionMetrics metrics, ProjectionStatus status, ReplayGate gate, KafkaClientService kafka,
            PositionUpdatePublisher positionUpdates) {
        this.decoder = decoder;
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.status = status;
        this.gate = gate;
        this.kafka = kafka;
        this.positionUpdates = positionUpdates;
    }

    private record Poisoned(KafkaRecord<String, byte[]> record, DecodedRecord.Poison poison) {
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        // Records polled before the last rebuild's seek are acknowledged unapplied; the replay delivers them again.
        List<KafkaRecord<String, byte[]>> current = new ArrayList<>(batch.getRecords().size());
        long generation = Long.MAX_VALUE;
        for (KafkaRecord<String, byte[]> record : batch) {
            long polledIn = ReplayGeneration.of(record.getHeaders());
            if (polledIn >= ReplayGeneration.current()) {
                current.add(record);
                generation = Math.min(generation, polledIn);
            }
        }
        Optional<CompletableFuture<Void>> slot = current.isEmpty() ? Optional.empty() : gate.enter(generation);
        if (slot.isEmpty()) {
            return ack(batch);
        }
        // Off the event loop: a schema not seen yet is looked up in the registry, blocking.
        long polledIn = generation;
        long started = System.nanoTime();
        return Uni.createFrom().item(() -> decode(current))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .flatMap(decoded -> handle(batch, current, decoded))
                .onTermination().invoke(() -> {
                    slot.get().complete(null);
                    metrics.stage("batch", started);
                })
                .flatMap(applied -> applied ? commit(current, polledIn) : Uni.createFrom().voidItem());
    }

    private List<DecodedRecord> decode(List<KafkaRecord<String, byte[]>> records) {
        long started = System.nanoTime();
        List<DecodedRecord> decoded = records.stream().map(r -> decoder.decode(r.getPayload())).toList();
        metrics.stage("decode", started);
        return decoded;
    }

    /** Applies the batch; answers whether it was (false: the projection halted and nacked it). */
    private Uni<Boolean> handle(KafkaRecordBatch<String, byte[]> batch, List<KafkaRecord<String, byte[]>> records,
            List<DecodedRecord> decoded) {
        List<ProjectedEvent> events = new ArrayList<>(records.size());
        List<Poisoned> poisoned = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            switch (decoded.get(i)) {
                case DecodedRecord.Event e -> events.add(e.event());
                case DecodedRecord.Poison p -> poisoned.add(new Poisoned(records.get(i), p));
                case DecodedRecord.Outage o -> {
                    IncomingKafkaRecordMetadata<?, ?> source = source(records.get(i));
                    // Nothing of the batch is applied: after the restart the whole batch comes again.
                    return halt(batch, new IllegalStateException(String.format("Cannot read %s-%d@%d: the schema"
                            + " registry did not answer (%s). The projection stops rather than set a real event"
                            + " aside; restart it once the registry answers.", source.getTopic(),
                            source.getPartition(), source.getOffset(), o.cause()))).replaceWith(false);
                }
            }
        }
        return applyUntilWritten(events, records.get(0)).flatMap(written -> {
            Optional<ProjectionGapException> gap = account(events, written.outcomes());
            if (gap.isPresent()) {
                // Dead letters wait too: the nacked batch is read again after the restart, poison included.
                return halt(batch, gap.get()).replaceWith(false);
            }
            LOG.debugf("Batch of %d records: %d events, %d dead letters", records.size(), events.size(),
                    poisoned.size());
            long publishing = System.nanoTime();
            return positionUpdates.publish(LineUpdate.of(events, written))
                    .invoke(() -> metrics.stage("position-updates", publishing))
                    .flatMap(ignored -> deadLetter(poisoned)).flatMap(ignored -> ack(batch)).replaceWith(true);
        });
    }

    /**
     * A store that fails (PostgreSQL busy or restarting, Redis unreachable) is tried again, with backoff, until it
     * takes the batch: both stores skip what an earlier try already applied, so a retry never applies twice. Until
     * then readiness is DOWN and each failure is logged; nothing is acknowledged, nothing later is applied.
     */
    private Uni<WrittenBatch> applyUntilWritten(List<ProjectedEvent> events, KafkaRecord<?, ?> first) {
        return Uni.createFrom().deferred(() -> writer.apply(events))
                .onFailure().invoke(e -> {
                    IncomingKafkaRecordMetadata<?, ?> at = source(first);
                    String text = String.format("writing the batch from %s-%d@%d failed, trying again: %s",
                            at.getTopic(), at.getPartition(), at.getOffset(), e);
                    LOG.warn(text);
                    status.storeFailing(text);
                })
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5)).indefinitely()
                .invoke(status::storeRecovered);
    }

    /** Counts what was applied or skipped and logs every queue's gap; returns the first gap of the batch, if any. */
    private Optional<ProjectionGapException> account(List<ProjectedEvent> events, List<ProjectionOutcome> outcomes) {
        ProjectionGapException first = null;
        Set<String> gapped = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            ProjectedEvent event = events.get(i);
            ProjectionOutcome outcome = outcomes.get(i);
            if (outcome.gap()) {
                if (gapped.add(event.queueId())) {
                    String text = String.format(
                            "Sequence gap in queue %s: expected %d, got %d (event %s %s, store %s). The projection stops.",
                            event.queueId(), outcome.gapOutcome().expected(), event.sequence(), event.eventType(),
                            event.eventId(), outcome.gapStore());
                    LOG.error(text);
                    first = first != null ? first : new ProjectionGapException(text);
                }
            } else if (outcome.applied()) {
                metrics.applied(event.eventType());
            } else {
                LOG.debugf("Skipped queue %s sequence %d: already applied", event.queueId(), event.sequence());
                metrics.skipped(event.eventType());
            }
        }
        return Optional.ofNullable(first);
    }

    private Uni<Void> halt(KafkaRecordBatch<String, byte[]> batch, RuntimeException why) {
        if (!(why instanceof ProjectionGapException)) {
            LOG.error(why.getMessage());
        }
        status.halt(why.getMessage());
        return Uni.createFrom().completionStage(() -> batch.nack(why));
    }

    private Uni<Void> deadLetter(List<Poisoned> poisoned) {
        if (poisoned.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> sends = poisoned.stream().map(this::deadLetter).toList();
        return Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    private Uni<Void> deadLetter(Poisoned poisoned) {
        IncomingKafkaRecordMetadata<?, ?> source = source(poisoned.record());
        DecodedRecord.Poison poison = poisoned.poison();
        LOG.warnf("Dead-lettering %s-%d@%d: %s%s", source.getTopic(), source.getPartition(), source.getOffset(),
                poison.reason(), poison.cause() == null ? "" : " (cause: " + poison.cause() + ")");
        return deadLetters.send(source, poison.value(), poison.reason(), poison.cause())
                .invoke(() -> metrics.deadLettered(poison.type()));
    }

    /**
     * Commits the offsets just past the records applied. The connector's own commit strategies remember the highest
     * offset they committed and would commit nothing after a rebuild's seek back until the replay passed the old
     * position, so a crash meanwhile lost the rebuild's progress. The commit runs on the polling thread, where a
     * rebuild also runs: one that started since these records were polled has moved the generation on, and their
     * offsets, now ahead of the replay, are not committed.
     */
    private Uni<Void> commit(List<KafkaRecord<String, byte[]>> applied, long polledIn) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (KafkaRecord<String, byte[]> record : applied) {
            IncomingKafkaRecordMetadata<?, ?> at = source(record);
            offsets.merge(new TopicPartition(at.getTopic(), at.getPartition()), new OffsetAndMetadata(at.getOffset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        return kafka.<String, byte[]>getConsumer(CHANNEL).runOnPollingThread(consumer -> {
            if (ReplayGeneration.current() == polledIn) {
                consumer.commitAsync(offsets, (committed, failure) -> {
                    if (failure != null) {
                        // The next batch's commit covers these offsets too; a restart meanwhile re-reads them.
                        LOG.debugf("committing %s failed: %s", committed, failure);
                    }
                });
            }
        });
    }

    private static IncomingKafkaRecordMetadata<?, ?> source(KafkaRecord<?, ?> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("not a Kafka record"));
    }

    private static Uni<Void> ack(KafkaRecordBatch<?, ?> batch) {
        return Uni.createFrom().completionStage(batch::ack);
    }
}
