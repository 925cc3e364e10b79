package io.ledgerline.command.messaging.owner;

import io.ledgerline.command.config.CommandServiceConfig;
import io.ledgerline.command.messaging.ActorSeal;
import io.ledgerline.command.messaging.CommandMapper;
import io.ledgerline.command.messaging.EventMapper;
import io.ledgerline.command.messaging.ResultMapper;
import io.ledgerline.command.model.Answer;
import io.ledgerline.command.model.CommandOutcome;
import io.ledgerline.command.model.Handling;
import io.ledgerline.command.model.ForwardedCommand;
import io.ledgerline.command.model.RememberedOutcome;
import io.ledgerline.command.model.SequencedEvent;
import io.ledgerline.schemas.RegistryCodec;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import io.ledgerline.queue.BulkCommand;
import io.ledgerline.queue.EntryOverflowed;
import io.ledgerline.queue.HoldPersonEntries;
import io.ledgerline.queue.PersonService;
import io.ledgerline.queue.ReturnPersonEntries;
import io.ledgerline.queue.EntryTransferStarted;
import io.ledgerline.queue.QueueCommand;
import io.ledgerline.queue.SettleTransfer;
import java.time.Clock;
import java.time.Instant;
import ledgerline.queue.v1.QueueCommandEnvelope;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Puts what a decided command leaves behind into the batch's transaction: its events, the commands its events ask of
 * other queues, then its result. Those commands are the process steps that span queues (an overflow's join; a
 * transfer's join and its settlement back to the source): sent in the transaction that appends their cause, they go
 * exactly when it is appended, and their ids are made from the cause's ({@link ForwardedCommand}), so a repeat sends
 * nothing again. Every step is therefore an event in a queue's log or a command in the commands topic, and the
 * process is rebuilt with the queues after any crash.
 */
@ApplicationScoped
public class Appender {

    private final CommandServiceConfig.Topics topics;
    private final EventMapper events;
    private final CommandMapper commands;
    private final ResultMapper results;
    private final RegistryCodec codec;
    private final MeterRegistry registry;
    private final Clock clock;
    private final ActorSeal seal;

    public Appender(CommandServiceConfig config, EventMapper events, CommandMapper commands, ResultMapper results,
                    RegistryCodec codec, MeterRegistry registry, Clock clock, ActorSeal seal) {
        this.clock = clock;
        this.seal = seal;
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
            switch (event.event()) {
                case EntryOverflowed overflowed -> forward(ForwardedCommand.overflow(envelope.getCommandId(),
                        overflowed.entryId()), overflowed.forwardedJoin(), envelope, now, batch);
                case EntryTransferStarted started -> forward(ForwardedCommand.transfer(envelope.getCommandId(),
                        started.entryId()), started.forwardedJoin(now), envelope, now, batch);
                default -> {
                }
            }
        }
        for (PersonService service : handling.services()) {
            tellEveryPartition(service, envelope, now, batch);
        }
    }

    /**
     * The person may have entries in queues on any partition, and only each partition's owner knows which: the hold
     * (or return) goes to every partition, as a bulk command each owner decides for the person's queues it holds.
     */
    private void tellEveryPartition(PersonService service, QueueCommandEnvelope cause, Instant now, Batch batch) {
        BulkCommand command = service.started() ? new HoldPersonEntries(service.personRef(), service.service())
                : new ReturnPersonEntries(service.personRef(), service.service());
        for (int partition = 0; partition < batch.partitionCount(); partition++) {
            var bulk = commands.toAvro(ForwardedCommand.personService(cause.getCommandId(), service, partition), null,
                    cause.getActor(), now, command, partition);
            batch.send(new ProducerRecord<>(topics.commands(), partition, bulk.getQueueId(),
                    codec.encode(topics.commands(), bulk), java.util.List.of(seal.header(bulk.getCommandId(),
                            cause.getActor()))));
        }
    }

    /** The other queue may live on any partition: the command goes through the commands topic, keyed by its queue. */
    private void forward(String commandId, QueueCommand command, QueueCommandEnvelope cause, Instant now, Batch batch) {
        var forwarded = commands.toAvro(commandId, null, cause.getActor(), now, command);
        batch.send(new ProducerRecord<>(topics.commands(), null, command.queueId(),
                codec.encode(topics.commands(), forwarded), java.util.List.of(seal.header(commandId, cause.getActor()))));
    }

    /**
     * The answer to a transfer's join, whatever it is (taken, refused, even malformed), goes back to the source queue
     * with the join's first decision, so no entry stays under way for ever. A repeat was settled the first time.
     */
    private void settleTransfer(QueueCommandEnvelope envelope, CommandOutcome outcome, Batch batch) {
        var join = (ledgerline.queue.v1.JoinQueue) envelope.getPayload();
        String refusal = switch (outcome) {
            case CommandOutcome.Accepted accepted -> accepted.redirectedTo() == null ? null
                    : "the join was sent on to " + accepted.redirectedTo();
            case CommandOutcome.Rejected rejected -> rejected.reason() + ": " + rejected.detail();
            case CommandOutcome.BulkApplied bulk -> "a bulk outcome for a join";
        };
        var settle = new SettleTransfer(join.getTransferredFrom(), join.getEntryId(), envelope.getQueueId(), refusal);
        forward(ForwardedCommand.settle(envelope.getCommandId(), join.getEntryId()), settle, envelope, clock.instant(),
                batch);
    }

    void result(int partition, QueueCommandEnvelope envelope, Batch batch, CommandOutcome outcome, boolean repeated,
                RememberedOutcome remembered, String outcomeTag) {
        if (!repeated && envelope.getPayload() instanceof ledgerline.queue.v1.JoinQueue join
                && join.getTransferredFrom() != null) {
            settleTransfer(envelope, outcome, batch);
        }
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
