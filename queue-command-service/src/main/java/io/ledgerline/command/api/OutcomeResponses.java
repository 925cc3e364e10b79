package io.ledgerline.command.api;

import io.ledgerline.command.model.CommandOutcome;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Turns a command's outcome into the HTTP answer: accepted into a body, rejected into a problem. */
final class OutcomeResponses {

    private OutcomeResponses() {}

    static Response ok(String commandId, String queueId, CommandOutcome outcome) {
        return Response.ok(accepted(commandId, queueId, outcome)).build();
    }

    static Response created(String commandId, String queueId, CommandOutcome outcome, String location) {
        return Response.created(URI.create(location)).entity(accepted(commandId, queueId, outcome)).build();
    }

    private static CommandResponse accepted(String commandId, String queueId, CommandOutcome outcome) {
        return switch (outcome) {
            case CommandOutcome.Accepted a ->
                    new CommandResponse(commandId, queueId, a.entryId(), a.firstSequence(), a.lastSequence());
            case CommandOutcome.Rejected r -> throw new ProblemException(statusOf(r.reason()), r.reason(), r.detail(),
                    commandId);
        };
    }

    /** Unknown things are 404, a command the service cannot read is 400, any other broken rule is 409. */
    static int statusOf(String reason) {
        return switch (reason) {
            case "QUEUE_NOT_FOUND", "ENTRY_NOT_FOUND" -> 404;
            case "INVALID_COMMAND", "MALFORMED_COMMAND" -> 400;
            case "PROCESSING_FAILED" -> 500;
            default -> 409;
        };
    }
}
