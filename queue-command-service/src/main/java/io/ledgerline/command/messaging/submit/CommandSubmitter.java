package io.ledgerline.command.messaging;

import io.ledgerline.command.config.CommandServiceConfig;
import io.ledgerline.command.model.CommandOutcome;
import io.ledgerline.queue.QueueCommand;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The REST side of the command path: puts a command on the commands topic, exactly as an integrator would, and
 * waits for its result. REST therefore has no shortcut to the decider: every command takes the same road.
 */
@ApplicationScoped
public class CommandSubmitter {

    private final KafkaProducer<String, Object> producer;
    private final CommandMapper mapper;
    private final PendingResults pending;
    private final String topic;
    private final Duration timeout;

    public CommandSubmitter(KafkaClients clients, CommandMapper mapper, PendingResults pending,
                            CommandServiceConfig config) {
        this.producer = clients.commandProducer();
        this.mapper = mapper;
        this.pending = pending;
        this.topic = config.topics().commands();
        this.timeout = config.command().resultTimeout();
    }

    /** Fails with {@link ResultTimeoutException} when no result arrives in time; the command may still be decided. */
    public Uni<CommandOutcome> submit(String commandId, String actor, Instant issuedAt, QueueCommand command) {
        CompletableFuture<CommandOutcome> result = pending.expect(commandId);
        var record = new ProducerRecord<String, Object>(topic, command.queueId(),
                mapper.toAvro(commandId, actor, issuedAt, command));
        // send() may block while the broker is unreachable: never on the HTTP event loop.
        return Uni.createFrom().item(() -> producer.send(record, (metadata, error) -> {
                    if (error != null) {
                        pending.fail(commandId, new CommandNotSentException(commandId, error));
                    }
                }))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure().invoke(error -> pending.fail(commandId, new CommandNotSentException(commandId, error)))
                .onFailure().recoverWithNull()
                // The timeout completes the shared future itself, so an answer that never comes frees its slot too.
                .chain(sent -> Uni.createFrom().completionStage(result.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)))
                .onFailure().transform(error -> rootCause(error) instanceof TimeoutException
                        ? new ResultTimeoutException(commandId, timeout)
                        : rootCause(error));
    }

    private static Throwable rootCause(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    void close(@Observes ShutdownEvent shutdown) {
        producer.close(Duration.ofSeconds(5));
    }
}
