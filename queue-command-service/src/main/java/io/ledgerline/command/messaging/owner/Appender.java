package io.ledgerline.command.messaging.owner;

import io.ledgerline.command.config.CommandServiceConfig;
import io.ledgerline.command.messaging.CommandMapper;
import io.ledgerline.command.messaging.EventMapper;
import io.ledgerline.command.messaging.ResultMapper;
import io.ledgerline.command.model.Answer;
import io.ledgerline.command.model.CommandOutcome;
import io.ledgerline.command.model.Handling;
import io.ledgerline.command.model.OverflowCommand;
import io.ledgerline.command.model.RememberedOutcome;
import io.ledgerline.command.model.SequencedEvent;
import io.ledgerline.schemas.RegistryCodec;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import io.ledgerline.queue.EntryOverflowed;
import java.time.Instant;
import ledgerline.queue.v1.QueueCommandEnvelope;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Puts what a decided command leaves behind into the batch's transaction: its events, the joins a full queue forwards
 * to its overflow queue, then its result.
 */
@ApplicationScoped
public class Appender {

    private final CommandServiceConfig.Topics topics;
    private final EventMapper events;
    private final CommandMapper commands;
    private final ResultMapper results;
    private final RegistryCodec codec;
    private final MeterRegistry registry;

    public Appender(CommandServiceConfig config, EventMapper events, CommandMapper commands, ResultMapper results,
                    RegistryCodec codec, MeterRegistry registry) {
        this.topics = config.topics();
        this.events = events;
        this.commands = commands;
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
            if (event.event() instanceof EntryOverflowed overflowed) {
                forward(overflowed, envelope, now, batch);
            }
        }
    }

    /**
     * The overflow queue may live on any partition: the join goes through the commands topic, keyed by its queue, in
     * this transaction, so it is sent exactly when the event is appended. Its id is made from the cause's, so a
     * repeat of the cause (which appends nothing) sends nothing either, and the join's own result can be looked up.
     */
    private void forward(EntryOverflowed overflowed, QueueCommandEnvelope cause, Instant now, Batch batch) {
        String commandId = OverflowCommand.idFor(cause.getCommandId(), overflowed.entryId());
        var join = commands.toAvro(commandId, null, cause.getActor(), now, overflowed.forwardedJoin());
        batch.send(new ProducerRecord<>(topics.commands(), null, overflowed.targetQueueId(),
                codec.encode(topics.commands(), join)));
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
