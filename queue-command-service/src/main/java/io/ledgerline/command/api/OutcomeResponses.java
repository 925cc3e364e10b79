package io.ledgerline.command.api;

import io.ledgerline.command.messaging.submit.SubmittedCommand;
import io.ledgerline.command.model.CommandOutcome;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Turns a command's outcome into the HTTP answer: accepted into a body, rejected into a problem. An answer that
 * repeats the first outcome under the same Idempotency-Key says so in {@code Idempotent-Replayed: true}.
 */
final class OutcomeResponses {

    static final String REPLAYED = "Idempotent-Replayed";

    private OutcomeResponses() {}

    static Response ok(String commandId, String queueId, SubmittedCommand submitted) {
        return replayed(Response.ok(accepted(commandId, queueId, submitted.outcome())), submitted);
    }

    /**
     * 202 for a transfer under way: the entry is TRANSFERRING here, and the target queue decides the join; where it
     * ends up (the target, or back in its place here) is for the caller to read, at the location given.
     */
    static Response transferStarted(String commandId, String queueId, SubmittedCommand submitted, String target) {
        CommandResponse body = accepted(commandId, queueId, submitted.outcome());
        return replayed(Response.accepted(body).location(URI.create("/queues/" + target + "/entries/"
                + body.entryId())), submitted);
    }

    /** 201 with the location of what was created, named from the outcome (the first one, for a retry). */
    static Response created(String commandId, String queueId, SubmittedCommand submitted,
                            Function<CommandOutcome.Accepted, String> location) {
        CommandResponse body = accepted(commandId, queueId, submitted.outcome());
        String where = location.apply((CommandOutcome.Accepted) submitted.outcome());
        return replayed(Response.created(URI.create(where)).entity(body), submitted);
    }

    /** 201 for a join: where the entry is, and its {@code ticket} (given the queue and entry it is for). */
    static Response joined(String commandId, String queueId, SubmittedCommand submitted,
                           BiFunction<String, String, String> ticket) {
        CommandResponse body = accepted(commandId, queueId, submitted.outcome());
        return replayed(Response.created(URI.create("/queues/" + queueId + "/entries/" + body.entryId()))
                .entity(body.withTicket(ticket.apply(queueId, body.entryId()))), submitted);
    }

    /**
     * 201 for a join that found {@code queueId} full and went on to {@code overflow}: the answer is where the entry
     * stands now, in the overflow queue; a refusal there is the problem (the join stands nowhere).
     */
    static Response overflowed(String commandId, String queueId, SubmittedCommand asked, String overflow,
                               SubmittedCommand there, BiFunction<String, String, String> ticket) {
        if (there.outcome() instanceof CommandOutcome.Rejected r) {
            throw new ProblemException(statusOf(r.reason()), r.reason(), "queue " + queueId + " is full and its "
                    + "overflow queue " + overflow + " refused the join too: " + r.detail(), commandId);
        }
        CommandResponse joined = accepted(commandId, overflow, there.outcome());
        var body = new CommandResponse(commandId, overflow, joined.entryId(), joined.entryNumber(),
                joined.firstSequence(), joined.sequence(), queueId, ticket.apply(overflow, joined.entryId()));
        return replayed(Response.created(URI.create("/queues/" + overflow + "/entries/" + joined.entryId()))
                .entity(body), asked);
    }

    /** 201 for a batch of joins: the usual body and the ids of the entries, in the order they joined. */
    static Response batchJoined(String commandId, String queueId, SubmittedCommand submitted, List<String> entryIds) {
        CommandResponse accepted = accepted(commandId, queueId, submitted.outcome());
        var body = new BatchResponse(commandId, queueId, entryIds, accepted.entryNumber(), accepted.firstSequence(),
                accepted.sequence());
        return replayed(Response.created(URI.create("/queues/" + queueId + "/entries")).entity(body), submitted);
    }

    private static Response replayed(Response.ResponseBuilder response, SubmittedCommand submitted) {
        return (submitted.repeated() ? response.header(REPLAYED, "true") : response).build();
    }

    private static CommandResponse accepted(String commandId, String queueId, CommandOutcome outcome) {
        return switch (outcome) {
            case CommandOutcome.Accepted a ->
                    new CommandResponse(commandId, queueId, a.entryId(), a.entryNumber(), a.firstSequence(),
                            a.lastSequence(), null);
            case CommandOutcome.Rejected r -> throw new ProblemException(statusOf(r.reason()), r.reason(), r.detail(),
                    commandId);
            case CommandOutcome.BulkApplied b -> throw new IllegalStateException(
                    "command " + commandId + " about one queue was answered for many");
        };
    }

    /**
     * Unknown things are 404, a command the service cannot read is 400, a key reused for another request is 422 (as
     * payment APIs answer it), a join without a token where one is wanted 401, any other broken rule is 409.
     */
    static int statusOf(String reason) {
        return switch (reason) {
            case "QUEUE_NOT_FOUND", "ENTRY_NOT_FOUND" -> 404;
            case "TOKEN_REQUIRED" -> 401;
            case "INVALID_COMMAND", "MALFORMED_COMMAND" -> 400;
            case "IDEMPOTENCY_KEY_REUSED" -> 422;
            case "PROCESSING_FAILED" -> 500;
            default -> 409;
        };
    }
}
