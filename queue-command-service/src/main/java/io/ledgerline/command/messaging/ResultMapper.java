package io.ledgerline.command.messaging;

import io.ledgerline.command.model.Answer;
import io.ledgerline.command.model.CommandOutcome;
import io.ledgerline.command.model.RememberedOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import ledgerline.queue.v1.BulkApplied;
import ledgerline.queue.v1.CommandAccepted;
import ledgerline.queue.v1.CommandRejected;
import ledgerline.queue.v1.CommandResult;
import ledgerline.queue.v1.QueueFailure;

/** Translates between a command's answer and the Avro record on the results topic. */
@ApplicationScoped
public class ResultMapper {

    public CommandResult toAvro(Answer answer) {
        Object avroOutcome = switch (answer.outcome()) {
            case CommandOutcome.Accepted a -> new CommandAccepted(a.firstSequence(), a.lastSequence(), a.entryId(),
                    a.entryNumber(), a.redirectedTo());
            case CommandOutcome.Rejected r -> new CommandRejected(r.reason(), r.detail() == null ? "" : r.detail());
            case CommandOutcome.BulkApplied b -> new BulkApplied(b.changed(), b.unchanged(), b.failed().stream()
                    .map(f -> new QueueFailure(f.queueId(), f.reason(), f.detail())).toList());
        };
        RememberedOutcome remembered = answer.remembered();
        return CommandResult.newBuilder()
                .setCommandId(answer.commandId())
                .setQueueId(answer.queueId())
                .setOutcome(avroOutcome)
                .setRequestId(answer.requestId())
                .setRepeated(answer.repeated())
                .setFingerprint(remembered == null ? null : remembered.fingerprint())
                .setDecidedAt(remembered == null ? null : remembered.decidedAt())
                .build();
    }

    public Answer toDomain(CommandResult result) {
        CommandOutcome outcome = switch (result.getOutcome()) {
            case CommandAccepted a -> new CommandOutcome.Accepted(a.getFirstSequence(), a.getLastSequence(),
                    a.getEntryId(), a.getEntryNumber(), a.getRedirectedTo());
            case CommandRejected r -> new CommandOutcome.Rejected(r.getReason(), r.getDetail());
            case BulkApplied b -> new CommandOutcome.BulkApplied(b.getChanged(), b.getUnchanged(), b.getFailed().stream()
                    .map(f -> new CommandOutcome.QueueFailure(f.getQueueId(), f.getReason(), f.getDetail())).toList());
            case null, default -> throw new IllegalStateException(
                    "result of command " + result.getCommandId() + " has an unknown outcome");
        };
        // Only a first outcome is worth remembering: a repeat only echoes one, or refuses a reused key.
        RememberedOutcome remembered = result.getRepeated() || result.getFingerprint() == null
                || result.getDecidedAt() == null
                ? null
                : new RememberedOutcome(result.getFingerprint(), result.getDecidedAt(), outcome);
        return new Answer(result.getQueueId(), result.getCommandId(), result.getRequestId(), outcome,
                result.getRepeated(), remembered);
    }
}
