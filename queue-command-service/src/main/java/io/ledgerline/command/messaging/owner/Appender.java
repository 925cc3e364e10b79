package io.ledgerline.command.messaging.owner;

import io.ledgerline.command.config.CommandServiceConfig;
import io.ledgerline.command.messaging.EventMapper;
import io.ledgerline.command.messaging.ResultMapper;
import io.ledgerline.command.model.Answer;
import io.ledgerline.command.model.CommandOutcome;
import io.ledgerline.command.model.Handling;
import io.ledgerline.command.model.RememberedOutcome;
import io.ledgerline.command.model.SequencedEvent;
import io.ledgerline.schemas.RegistryCodec;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import ledgerline.queue.v1.QueueCommandEnvelope;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Puts what a decided command leaves behind into the batch's transaction: its events, then its result. */
@ApplicationScoped
public class Appender {

    private final CommandServiceConfig.Topics topics;
    private final EventMapper events;
    private final ResultMapper results;
    private final RegistryCodec codec;
    private final MeterRegistry registry;

    public Appender(CommandServiceConfig config, EventMapper events, ResultMapper results, RegistryCodec codec,
                    MeterRegistry registry) {
        this.topics = config.topics();
        this.events = events;
        this.results = results;
        this.codec = codec;
        this.registry = registry;
    }

    /** The events of one queue's accepted command, caused by {@code envelope}'s command. */
    void events(int partition, String queueId, QueueCommandEnvelope envelope, Handling handling, Instant now,
                Batch batch) {
        for (SequencedEvent event : handling.events()) {
            batch.sendEvent(new ProducerRecord<>(topics.events(), partition, queueId, codec.encode(topics.events(),
                    events.toAvro(event, envelope.getCommandId(), envelope.getActor(), now, batch.writerTerm()))));
        }
    }

    void result(int partition, QueueCommandEnvelope envelope, Batch batch, CommandOutcome outcome, boolean repeated,
                RememberedOutcome remembered, String outcomeTag) {
        Answer answer = new Answer(envelope.getQueueId(), envelope.getCommandId(), envelope.getRequestId(), outcome,
                repeated, remembered);
        batch.sendResult(new ProducerRecord<>(topics.results(), partition, envelope.getCommandId(),
                codec.encode(topics.results(), results.toAvro(answer))));
        registry.counter("ledgerline.commands", "type", typeOf(envelope), "outcome", outcomeTag).increment();
    }

    private static String typeOf(QueueCommandEnvelope command) {
        return command.getPayload() == null ? "none" : command.getPayload().getClass().getSimpleName();
    }
}
