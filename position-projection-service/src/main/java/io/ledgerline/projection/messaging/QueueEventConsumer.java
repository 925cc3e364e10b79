package io.ledgerline.projection.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.ledgerline.projection.model.ProjectedEvent;
import io.ledgerline.projection.model.ProjectionOutcome;
import io.ledgerline.projection.store.ProjectionWriter;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import ledgerline.queue.v1.QueueEventEnvelope;

/**
 * Adapter from the events topic to the read models: translate, hand off, account. A poison record goes to the
 * dead-letter topic and consumption carries on; a sequence gap stops the channel (and readiness) loudly.
 */
@ApplicationScoped
public class QueueEventConsumer {

    public static final String CHANNEL = "queue-events";

    private static final Logger LOG = Logger.getLogger(QueueEventConsumer.class);

    private final QueueEventMapper mapper;
    private final ProjectionWriter writer;
    private final DeadLetterPublisher deadLetters;
    private final ProjectionMetrics metrics;
    private final ProjectionStatus status;
    private final ReplayGate gate;

    public QueueEventConsumer(QueueEventMapper mapper, ProjectionWriter writer, DeadLetterPublisher deadLetters,
            ProjectionMetrics metrics, ProjectionStatus status, ReplayGate gate) {
        this.mapper = mapper;
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.status = status;
        this.gate = gate;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<QueueEventEnvelope> message) {
        IncomingKafkaRecordMetadata<?, ?> source = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("not a Kafka record"));
        Optional<CompletableFuture<Void>> slot = gate.enter(ReplayGeneration.of(source.getHeaders()));
        if (slot.isEmpty()) {
            // Polled before the last rebuild's seek; the replay delivers it again.
            return Uni.createFrom().completionStage(message.ack());
        }
        return handle(message, source).onTermination().invoke(() -> slot.get().complete(null));
    }

    private Uni<Void> handle(Message<QueueEventEnvelope> message, IncomingKafkaRecordMetadata<?, ?> source) {
        QueueEventEnvelope envelope = message.getPayload();
        if (envelope == null) {
            String reason = header(source.getHeaders(), DeserializationFailureHandler.DESERIALIZATION_FAILURE_REASON)
                    .map(r -> "not a QueueEventEnvelope: " + r)
                    .orElse("empty record");
            byte[] raw = Optional.ofNullable(source.getHeaders().lastHeader(
                    DeserializationFailureHandler.DESERIALIZATION_FAILURE_DATA)).map(Header::value).orElse(null);
            String cause = header(source.getHeaders(), DeserializationFailureHandler.DESERIALIZATION_FAILURE_CAUSE)
                    .orElse(null);
            if (RegistryOutage.suspected(raw, cause)) {
                String text = String.format("Cannot read %s-%d@%d: the schema registry did not answer (%s). The projection"
                        + " stops rather than set a real event aside; restart it once the registry answers.",
                        source.getTopic(), source.getPartition(), source.getOffset(), cause);
                LOG.error(text);
                status.halt(text);
                return Uni.createFrom().completionStage(message.nack(new IllegalStateException(text)));
            }
            return deadLetter(message, source, raw, "undeserializable", reason, cause);
        }
        ProjectedEvent event;
        try {
            event = mapper.toProjected(envelope);
        } catch (UnsupportedEventException e) {
            // No raw bytes here: the value decoded; the dead letter carries it as Avro JSON.
            byte[] json = envelope.toString().getBytes(StandardCharsets.UTF_8);
            String type = envelope.getPayload() == null ? "null" : envelope.getPayload().getClass().getSimpleName();
            return deadLetter(message, source, json, type, e.getMessage(), null);
        }
        return writer.apply(event).flatMap(outcome -> account(message, event, outcome));
    }

    private Uni<Void> account(Message<?> message, ProjectedEvent event, ProjectionOutcome outcome) {
        if (outcome.gap()) {
            var gap = outcome.gapOutcome();
            String text = String.format(
                    "Sequence gap in queue %s: expected %d, got %d (event %s %s, store %s). The projection stops.",
                    event.queueId(), gap.expected(), event.sequence(), event.eventType(), event.eventId(),
                    outcome.gapStore());
            LOG.error(text);
            status.halt(text);
            return Uni.createFrom().completionStage(message.nack(new ProjectionGapException(text)));
        }
        if (outcome.applied()) {
            metrics.applied(event.eventType());
        } else {
            LOG.debugf("Skipped queue %s sequence %d: already applied", event.queueId(), event.sequence());
            metrics.skipped(event.eventType());
        }
        return Uni.createFrom().completionStage(message.ack());
    }

    private Uni<Void> deadLetter(Message<?> message, IncomingKafkaRecordMetadata<?, ?> source, byte[] value,
            String type, String reason, String cause) {
        LOG.warnf("Dead-lettering %s-%d@%d: %s%s", source.getTopic(), source.getPartition(), source.getOffset(),
                reason, cause == null ? "" : " (cause: " + cause + ")");
        return deadLetters.send(source, value, reason, cause)
                .invoke(() -> metrics.deadLettered(type))
                .flatMap(ignored -> Uni.createFrom().completionStage(message.ack()));
    }

    private static Optional<String> header(Headers headers, String name) {
        return Optional.ofNullable(headers.lastHeader(name))
                .map(h -> new String(h.value(), StandardCharsets.UTF_8));
    }
}
