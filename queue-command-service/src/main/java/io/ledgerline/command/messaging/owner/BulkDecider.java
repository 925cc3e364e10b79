package io.ledgerline.command.messaging.owner;

import io.ledgerline.command.messaging.CommandMapper;
import io.ledgerline.command.model.CommandOutcome;
import io.ledgerline.command.model.Handling;
import io.ledgerline.queue.BulkCommand;
import io.ledgerline.queue.BulkControl;
import io.ledgerline.queue.FieldLimits;
import io.ledgerline.queue.QueueState;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ledgerline.queue.v1.QueueCommandEnvelope;
import org.jboss.logging.Logger;

/**
 * Decides a command about every selected queue of one partition (an emergency stop by tags, a hold of a person's
 * entries, ...): the book gives the partition's queues carrying the selector's tags or holding the person's entries,
 * the domain says what each needs; each needed command is decided
 * like a single one and its events go to that queue's history. One result, for the partition, lists what became of each
 * selected queue. All of it lands in the batch's one transaction.
 */
@ApplicationScoped
public class BulkDecider {

    private static final Logger LOG = Logger.getLogger(BulkDecider.class);

    private final CommandMapper commands;
    private final Appender appender;
    private final Clock clock;

    public BulkDecider(CommandMapper commands, Appender appender, Clock clock) {
        this.commands = commands;
        this.appender = appender;
        this.clock = clock;
    }

    void decide(int partition, QueueCommandEnvelope envelope, Batch batch) {
        BulkCommand bulk = commands.toBulk(envelope);
        String problem = Optional.ofNullable(
                FieldLimits.optionalText("actor", envelope.getActor(), FieldLimits.ACTOR_MAX))
                .orElseGet(() -> BulkControl.problem(bulk));
        if (problem != null) {
            appender.result(partition, envelope, batch, new CommandOutcome.Rejected("INVALID_COMMAND", problem), false,
                    null, "invalid");
            return;
        }
        Instant now = clock.instant();
        List<String> changed = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<CommandOutcome.QueueFailure> failed = new ArrayList<>();
        for (QueueState queue : selected(partition, bulk, batch)) {
            Optional<BulkControl.Step> step = BulkControl.stepFor(bulk, queue);
            if (step.isEmpty()) {
                continue;
            }
            if (step.get().alreadyDone()) {
                unchanged.add(queue.queueId());
                continue;
            }
            try {
                Handling handling = batch.book().decide(partition, step.get().command());
                switch (handling.outcome()) {
                    case CommandOutcome.Rejected r -> failed.add(new CommandOutcome.QueueFailure(queue.queueId(),
                            r.reason(), r.detail()));
                    default -> {
                        appender.events(partition, queue.queueId(), envelope, handling, now, batch);
                        changed.add(queue.queueId());
                    }
                }
            } catch (RuntimeException e) {
                // One queue that breaks the decider must not keep the others of the selection running.
                LOG.errorf(e, "bulk command %s failed on queue %s", envelope.getCommandId(), queue.queueId());
                failed.add(new CommandOutcome.QueueFailure(queue.queueId(), "PROCESSING_FAILED", String.valueOf(e)));
            }
        }
        appender.result(partition, envelope, batch, new CommandOutcome.BulkApplied(changed, unchanged, failed), false,
                null, "bulk");
    }

    private static List<QueueState> selected(int partition, BulkCommand bulk, Batch batch) {
        return switch (bulk) {
            case BulkCommand.ByTags c -> batch.book().statesTagged(partition, c.selector().tags());
            case BulkCommand.ByPerson c -> batch.book().statesOfPerson(partition, c.personRef());
        };
    }
}
