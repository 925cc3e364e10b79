package io.ledgerline.command.messaging;

import io.ledgerline.command.model.CommandOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import ledgerline.queue.v1.CommandAccepted;
import ledgerline.queue.v1.CommandRejected;
import ledgerline.queue.v1.CommandResult;

/** Translates between a command's outcome and the Avro record on the results topic. */
@ApplicationScoped
public class ResultMapper {

    public CommandResult toAvro(String commandId, String queueId, CommandOutcome outcome) {
        Object avroOutcome = switch (outcome) {
            case CommandOutcome.Accepted a -> new CommandAccepted(a.firstSequence(), a.lastSequence(), a.entryId());
            case CommandOutcome.Rejected r -> new CommandRejected(r.reason(), r.detail() == null ? "" : r.detail());
        };
        return new CommandResult(commandId, queueId, avroOutcome);
    }

    public CommandOutcome toDomain(CommandResult result) {
        return switch (result.getOutcome()) {
            case CommandAccepted a -> new CommandOutcome.Accepted(a.getFirstSequence(), a.getLastSequence(), a.getEntryId());
            case CommandRejected r -> new CommandOutcome.Rejected(r.getReason(), r.getDetail());
            case null, default -> throw new IllegalStateException(
                    "result of command " + result.getCommandId() + " has an unknown outcome");
        };
    }
}
