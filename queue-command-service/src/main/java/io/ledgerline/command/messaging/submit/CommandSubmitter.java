package io.ledgerline.command.messaging.submit;

import io.ledgerline.command.config.CommandServiceConfig;
import io.ledgerline.command.messaging.ActorSeal;
import io.ledgerline.command.messaging.CommandMapper;
import io.ledgerline.command.messaging.KafkaClients;
import io.ledgerline.queue.BulkCommand;
import io.ledgerline.queue.QueueCommand;
import io.ledgerline.schemas.RegistryCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import ledgerline.queue.v1.QueueCommandEnvelope;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The REST side of the command path: puts a command on the commands topic, exactly as an integrator would, and
 * waits for its result. REST therefore has no shortcut to the decider: every command takes the same road. Past
 * {@code max-in-flight} waiting calls it refuses new ones at once, so an overload is a quick 503, not a pile of
 * timeouts.
 */
@ApplicationScoped
public class CommandSubmitter {

    private final KafkaProducer<String, byte[]> producer;
    private final CommandMapper mapper;
    private final RegistryCodec codec;
    private final PendingResults pending;
    private final ResultListener results;
    private final String topic;
    private final Duration timeout;
    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean warm;
    private final Counter refused;
    private final ActorSeal seal;

    public CommandSubmitter(KafkaClients clients, CommandMapper mapper, RegistryCodec codec, PendingResults pending,
                            ResultListener results, CommandServiceConfig config, MeterRegistry registry,
                            ActorSeal seal) {
        this.seal = seal;
        this.producer = clients.commandProducer();
        this.mapper = mapper;
        this.codec = codec;
        this.pending = pending;
        this.results = results;
        this.topic = config.topics().commands();
        this.timeout = config.command().resultTimeout();
        this.maxInFlight = config.command().maxInFlight();
        this.refused = Counter.builder("ledgerline.commands.overloaded")
                .description("REST commands refused with 503 because too many were in flight").register(registry);
        registry.gauge("ledgerline.commands.in-flight", inFlight);
    }

    /**
     * Fails with {@link ResultTimeoutException} when no result arrives in time (the command may still be decided),
     * with {@link OverloadedException} at once when too many commands wait already.
     */
    public Uni<SubmittedCommand> submit(String commandId, String actor, Instant issuedAt, QueueCommand command) {
        return submit(commandId, command.queueId(), null,
                requestId -> mapper.toAvro(commandId, requestId, actor, issuedAt, command));
    }

    /** The part of a command about many queues that goes to {@code partition}; answered for that partition alone. */
    public Uni<SubmittedCommand> submit(String commandId, String actor, Instant issuedAt, BulkCommand command,
                                        int partition) {
        return submit(commandId, CommandMapper.bulkAddress(partition), partition,
                requestId -> mapper.toAvro(commandId, requestId, actor, issuedAt, command, partition));
    }

    /** How many partitions the commands topic has; may wait for the topic's metadata, so never on the event loop. */
    public int partitionCount() {
        return producer.partitionsFor(topic).size();
    }

    private Uni<SubmittedCommand> submit(String commandId, String queueId, Integer partition,
                                         Function<String, QueueCommandEnvelope> envelopeFor) {
        if (inFlight.incrementAndGet() > maxInFlight) {
            int now = inFlight.decrementAndGet();
            refused.increment();
            return Uni.createFrom().failure(new OverloadedException(now));
        }
        String requestId = UUID.randomUUID().toString();
        CompletableFuture<SubmittedCommand> result = pending.expect(requestId, queueId, commandId);
        result.whenComplete((answer, error) -> inFlight.decrementAndGet());
        var envelope = envelopeFor.apply(requestId);
        Uni<Void> sent = warm
                ? Uni.createFrom().item(() -> send(commandId, requestId, partition, queueId, envelope))
                // Until one send went through: encoding may ask the registry and send() waits for the topic's
                // metadata, or for the broker to be reachable at all. Never on the event loop.
                : Uni.createFrom().completionStage(results.positioned())
                        .ifNoItem().after(timeout).fail()
                        .emitOn(Infrastructure.getDefaultWorkerPool())
                        .map(positioned -> send(commandId, requestId, partition, queueId, envelope))
                        .invoke(() -> warm = true);
        return sent
                .onFailure().invoke(error -> pending.fail(requestId, new CommandNotSentException(commandId, error)))
                .onFailure().recoverWithNull()
                // The timeout completes the future itself, so an answer that never comes frees its slot too.
                .chain(ignored -> Uni.createFrom().completionStage(result.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)))
                .onFailure().transform(error -> rootCause(error) instanceof TimeoutException
                        ? new ResultTimeoutException(commandId, timeout)
                        : rootCause(error));
    }

    /**
     * Once the schema is known to the codec and the topic to the producer, encoding and send() only append to a
     * buffer: cheaper on the caller's thread than a hop to a worker and back.
     */
    private Void send(String commandId, String requestId, Integer partition, String queueId,
                      QueueCommandEnvelope envelope) {
        producer.send(new ProducerRecord<>(topic, partition, queueId, codec.encode(topic, envelope),
                List.of(seal.header(commandId, envelope.getActor()))), (metadata, error) -> {
            if (error != null) {
                pending.fail(requestId, new CommandNotSentException(commandId, error));
            }
        });
        return null;
    }

    private static Throwable rootCause(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    void close(@Observes ShutdownEvent shutdown) {
        producer.close(Duration.ofSeconds(5));
    }
}
