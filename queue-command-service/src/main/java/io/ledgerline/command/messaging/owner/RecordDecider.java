package io.ledgerline.command.messaging.owner;

import io.ledgerline.command.messaging.ActorSeal;
import io.ledgerline.command.messaging.CommandMapper;
import io.ledgerline.command.messaging.DeadLetters;
import io.ledgerline.command.messaging.RetriableReadException;
import io.ledgerline.command.model.CommandFingerprint;
import io.ledgerline.command.model.CommandOutcome;
import io.ledgerline.command.model.Handling;
import io.ledgerline.command.model.RememberedOutcome;
import io.ledgerline.command.store.IdempotencyStore;
import io.ledgerline.command.store.IdempotencyStore.OutcomeKey;
import io.ledgerline.log.MalformedRecordException;
import io.ledgerline.log.QueuePartitioner;
import io.ledgerline.queue.CommandShape;
import io.ledgerline.queue.FieldLimits;
import io.ledgerline.queue.QueueCommand;
import io.ledgerline.schemas.RegistryCodec;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import ledgerline.queue.v1.QueueCommandEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * Turns one record of the commands topic into what the owner appends for it: events and a result, a repeat of a
 * remembered outcome, or a dead letter. Every road ends in exactly one of these, so nothing is lost and nothing
 * stops the partition.
 */
@ApplicationScoped
public class RecordDecider {

    private static final Logger LOG = Logger.getLogger(RecordDecider.class);

    private final CommandMapper commands;
    private final Appender appender;
    private final BulkDecider bulks;
    private final DeadLetters deadLetters;
    private final IdempotencyStore window;
    private final RegistryCodec codec;
    private final MeterRegistry registry;
    private final Clock clock;
    private final ActorSeal seal;

    public RecordDecider(CommandMapper commands, Appender appender, BulkDecider bulks, DeadLetters deadLetters,
                         IdempotencyStore window, RegistryCodec codec, MeterRegistry registry, Clock clock,
                         ActorSeal seal) {
        this.seal = seal;
        this.commands = commands;
        this.appender = appender;
        this.bulks = bulks;
        this.deadLetters = deadLetters;
        this.window = window;
        this.codec = codec;
        this.registry = registry;
        this.clock = clock;
    }

    void decide(ConsumerRecord<String, byte[]> record, Batch batch) {
        Object value;
        try {
            value = codec.decode(record.value());
        } catch (RuntimeException e) {
            if (RegistryCodec.isOutage(e)) {
                throw new RetriableReadException("schema registry unreachable while reading a command", e);
            }
            deadLetter(record, "not a readable command envelope", e, batch);
            return;
        }
        if (!(value instanceof QueueCommandEnvelope envelope)) {
            deadLetter(record, "a " + value.getClass().getSimpleName() + " record, not a command envelope", null, batch);
            return;
        }
        String commandIdProblem = FieldLimits.id("commandId", envelope.getCommandId());
        if (commandIdProblem != null) {
            // Without a usable commandId no sender could ever match an answer: set the record aside instead.
            deadLetter(record, commandIdProblem, null, batch);
            return;
        }
        // Who the command names is who this service verified, or nobody known: a claim alone is not a name.
        Optional<String> actor = seal.actorOf(record.headers(), envelope.getCommandId(), envelope.getActor());
        if (actor.isEmpty()) {
            deadLetter(record, "unauthorised: its actor seal does not verify", null, batch);
            publish(record, envelope, batch, new CommandOutcome.Rejected("UNAUTHORISED", "the record carries an"
                    + " actor seal that does not verify; it was set aside on the dead-letter topic"), false, null,
                    "unauthorised");
            return;
        }
        envelope.setActor(actor.get());
        if (commands.isBulk(envelope)) {
            bulks.decide(record.partition(), envelope, batch); // addressed to this partition, not to one queue
            return;
        }
        int owner = QueuePartitioner.partitionOf(envelope.getQueueId(), batch.partitionCount());
        if (owner != record.partition()) {
            // A record on the wrong partition would give its queue a second writer: hand it to the owner instead.
            batch.send(new ProducerRecord<>(record.topic(), owner, envelope.getQueueId(), record.value(),
                    record.headers()));
            return;
        }
        answer(record, envelope, batch);
    }

    private void answer(ConsumerRecord<String, byte[]> record, QueueCommandEnvelope envelope, Batch batch) {
        QueueCommand command;
        try {
            command = commands.toDomain(envelope);
        } catch (MalformedRecordException e) {
            publish(record, envelope, batch, new CommandOutcome.Rejected("MALFORMED_COMMAND", e.getMessage()), false,
                    null, "malformed");
            return;
        }
        String problem = Optional.ofNullable(FieldLimits.optionalText("actor", envelope.getActor(), FieldLimits.ACTOR_MAX))
                .orElseGet(() -> CommandShape.problem(command));
        if (problem != null) {
            // Nothing was decided, so nothing is remembered: the sender may fix the command and send the same key.
            publish(record, envelope, batch, new CommandOutcome.Rejected("INVALID_COMMAND", problem), false, null,
                    "invalid");
            return;
        }
        String fingerprint = CommandFingerprint.of(command);
        OutcomeKey key = new OutcomeKey(envelope.getQueueId(), envelope.getCommandId());
        Instant now = clock.instant();
        Optional<RememberedOutcome> earlier = batch.firstOutcome(key)
                .or(() -> window.find(key.queueId(), key.commandId(), now));
        if (earlier.isPresent()) {
            boolean sameRequest = earlier.get().fingerprint().equals(fingerprint);
            publish(record, envelope, batch, earlier.get().answerTo(fingerprint), true, earlier.get(),
                    sameRequest ? "repeated" : "key-reused");
            return;
        }
        Handling handling;
        try {
            handling = batch.book().decide(record.partition(), command);
        } catch (RuntimeException e) {
            // A command that breaks the decider must not stop every other queue of the partition.
            deadLetter(record, "deciding the command failed", e, batch);
            publish(record, envelope, batch, new CommandOutcome.Rejected("PROCESSING_FAILED",
                    "the command could not be decided and was moved to the dead-letter topic"), false, null, "failed");
            return;
        }
        RememberedOutcome first = new RememberedOutcome(fingerprint, now, handling.outcome());
        batch.remember(key, first);
        appender.events(record.partition(), envelope.getQueueId(), envelope, handling, now, batch);
        publish(record, envelope, batch, handling.outcome(), false, first,
                handling.outcome() instanceof CommandOutcome.Accepted ? "accepted" : "rejected");
    }

    private void publish(ConsumerRecord<String, byte[]> record, QueueCommandEnvelope envelope, Batch batch,
                         CommandOutcome outcome, boolean repeated, RememberedOutcome remembered, String outcomeTag) {
        appender.result(record.partition(), envelope, batch, outcome, repeated, remembered, outcomeTag);
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason, Throwable cause, Batch batch) {
        LOG.warnf("dead-lettering %s-%d@%d: %s (%s)", record.topic(), record.partition(), record.offset(), reason, cause);
        batch.send(deadLetters.of(record, reason, cause));
        registry.counter("ledgerline.commands.dead-lettered").increment();
    }

}
