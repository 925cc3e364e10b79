package io.ledgerline.command.api;

import static io.ledgerline.command.api.RequestChecks.KEY;
import static io.ledgerline.command.api.RequestChecks.body;
import static io.ledgerline.command.api.RequestChecks.capacity;
import static io.ledgerline.command.api.RequestChecks.idFromKey;
import static io.ledgerline.command.api.RequestChecks.priority;
import static io.ledgerline.command.api.RequestChecks.trimmed;

import io.ledgerline.access.Permission;
import io.ledgerline.access.rest.RateLimited;
import io.ledgerline.command.messaging.submit.CommandSubmitter;
import io.ledgerline.command.messaging.submit.SubmittedCommand;
import io.ledgerline.queue.CallNext;
import io.ledgerline.queue.ChangePriority;
import io.ledgerline.queue.CloseQueue;
import io.ledgerline.queue.CompleteEntry;
import io.ledgerline.queue.ConfigureQueue;
import io.ledgerline.queue.CreateQueue;
import io.ledgerline.queue.EmergencyStopQueue;
import io.ledgerline.queue.EntryDetails;
import io.ledgerline.queue.FailEntry;
import io.ledgerline.queue.JoinBatch;
import io.ledgerline.queue.JoinQueue;
import io.ledgerline.queue.LeaveQueue;
import io.ledgerline.queue.MarkNoShow;
import io.ledgerline.queue.OpenQueue;
import io.ledgerline.queue.PauseQueue;
import io.ledgerline.queue.Priority;
import io.ledgerline.queue.QueueCommand;
import io.ledgerline.queue.RequeueEntry;
import io.ledgerline.queue.ResumeQueue;
import io.ledgerline.queue.ScheduleQueue;
import io.ledgerline.queue.SleepQueue;
import io.ledgerline.queue.TransferEntry;
import io.ledgerline.queue.WakeQueue;
import io.ledgerline.command.model.CommandOutcome;
import io.ledgerline.command.model.ForwardedCommand;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Queue commands over HTTP. Each call becomes one command on the commands topic and answers with its result. An
 * {@code Idempotency-Key} header names the command on its queue: a retry with the same key and the same request
 * returns the first outcome (accepted or rejected) for 24 hours instead of acting twice; the same key with another
 * request is refused with 422. Every request is checked against the domain's own limits before it travels.
 */
@Path("/queues")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class QueueCommandResource {

    private final CommandSubmitter submitter;
    private final Clock clock;
    private final Caller caller;
    private final PersonTokens tokens;

    public QueueCommandResource(CommandSubmitter submitter, Clock clock, Caller caller, PersonTokens tokens) {
        this.submitter = submitter;
        this.clock = clock;
        this.caller = caller;
        this.tokens = tokens;
    }

    @POST
    public Uni<Response> create(CreateQueueRequest request, @HeaderParam(KEY) String key) {
        String actor = caller.actor(Permission.ADMINISTER, null);
        body(request, "{\"queueId\", \"name\", \"capacity\"}");
        var command = new CreateQueue(request.queueId(), trimmed(request.name()), capacity(request.capacity()),
                SettingsRequest.toDomain(request.settings()));
        return send(key, actor, now -> command, (commandId, q, submitted) ->
                OutcomeResponses.created(commandId, q, submitted, accepted -> "/queues/" + q));
    }

    @PUT
    @Path("{queueId}")
    public Uni<Response> configure(@PathParam("queueId") String queueId, ConfigureQueueRequest request,
                                   @HeaderParam(KEY) String key) {
        String actor = caller.actor(Permission.ADMINISTER, queueId);
        body(request, "{\"name\", \"capacity\"}");
        var command = new ConfigureQueue(queueId, trimmed(request.name()), capacity(request.capacity()),
                SettingsRequest.toDomain(request.settings()));
        return send(key, actor, now -> command);
    }

    /**
     * Without an entryId the service names the entry: after the key when there is one, so that a retry names the
     * same entry (and is the same request), otherwise at random. Without a token, on a queue that takes public joins,
     * anyone may join (the service always names such an entry), and the answer carries the entry's ticket.
     */
    @POST
    @RateLimited(RateLimited.JOINS)
    @Path("{queueId}/entries")
    public Uni<Response> join(@PathParam("queueId") String queueId, JoinQueueRequest request,
                              @HeaderParam(KEY) String key) {
        boolean anonymous = caller.isAnonymous();
        String actor = anonymous ? Caller.ANYONE : caller.actor(Permission.JOIN, queueId);
        if (anonymous && request != null && request.entryId() != null) {
            throw new ProblemException(400, "INVALID_COMMAND", "a join without a token may not name its entry: the"
                    + " service names it (after the Idempotency-Key, when there is one)");
        }
        String entryId = request != null && request.entryId() != null ? request.entryId() : idFromKey(queueId, key);
        Priority priority = priority(request == null ? null : request.priority(), Priority.NORMAL);
        Instant scheduledAt = request == null ? null : request.scheduledAt();
        EntryDetails details = request == null ? EntryDetails.NONE : request.details();
        PreparedCommand<JoinQueue> prepared = PreparedCommand.of(key, actor, clock, now -> anonymous
                ? JoinQueue.byAnyone(queueId, entryId, priority, now, scheduledAt, details)
                : new JoinQueue(queueId, entryId, priority, now, scheduledAt, details));
        JoinQueue join = prepared.command();
        // Signing costs an RSA signature (milliseconds of CPU): only the person who joined alone gets a ticket at once;
        // staff ask for one when they hand it on (TicketResource).
        BiFunction<String, String, String> ticket = anonymous
                ? (queue, entry) -> tokens.ticket(queue, entry, scheduledAt) : (queue, entry) -> null;
        return prepared.submitTo(submitter).flatMap(submitted -> {
            String overflow = submitted.outcome() instanceof CommandOutcome.Accepted a ? a.redirectedTo() : null;
            if (overflow == null) {
                return Uni.createFrom().item(OutcomeResponses.joined(prepared.commandId(), queueId, submitted, ticket));
            }
            // The owner has forwarded this join already: the same id again is a repeat there, answered with the
            // forwarded join's own outcome, so the caller learns where the entry stands (or that it stands nowhere).
            return submitter.submit(ForwardedCommand.overflow(prepared.commandId(), entryId), prepared.actor(),
                            prepared.at(), join.overflowingTo(overflow))
                    .map(there -> OutcomeResponses.overflowed(prepared.commandId(), queueId, submitted, overflow,
                            there, ticket));
        });
    }

    /**
     * Many joins in one command, accepted or rejected whole. Entries without an id are named after the key and their
     * index when there is a key (so a retry is the same request), at random otherwise; the answer lists the ids.
     */
    @POST
    @RateLimited(RateLimited.JOINS)
    @Path("{queueId}/entries/batch")
    public Uni<Response> joinBatch(@PathParam("queueId") String queueId, JoinBatchRequest request,
                                   @HeaderParam(KEY) String key) {
        String actor = caller.actor(Permission.JOIN, queueId);
        body(request, "{\"entries\": [{\"entryId\"?, \"priority\"?, \"scheduledAt\"?, …}]}");
        List<JoinQueueRequest> entries = RequestChecks.withoutNulls("entries", request.entries());
        List<String> ids = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            String given = entries.get(i).entryId();
            ids.add(given != null ? given : idFromKey(queueId, key == null ? null : key + "#" + i));
        }
        return send(key, actor, now -> {
            List<JoinQueue> joins = new ArrayList<>(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                JoinQueueRequest entry = entries.get(i);
                joins.add(new JoinQueue(queueId, ids.get(i), priority(entry.priority(), Priority.NORMAL), now,
                        entry.scheduledAt(), entry.details()));
            }
            return new JoinBatch(queueId, joins);
        }, (commandId, q, submitted) -> OutcomeResponses.batchJoined(commandId, q, submitted, ids));
    }

    @DELETE
    @Path("{queueId}/entries/{entryId}")
    public Uni<Response> leave(@PathParam("queueId") String queueId, @PathParam("entryId") String entryId,
                               @HeaderParam(KEY) String key) {
        String actor = caller.actor(Permission.JOIN, queueId, entryId);
        return send(key, actor, now -> new LeaveQueue(queueId, entryId));
    }

    @POST
    @Path("{queueId}/call-next")
    public Uni<Response> callNext(@PathParam("queueId") String queueId, CallNextRequest request,
                                  @HeaderParam(KEY) String key) {
        String actor = caller.actor(Permission.SERVE, queueId);
        String counter = request == null ? null : trimmed(request.counter());
        return send(key, actor, now -> new CallNext(queueId, now, counter));
    }

    /** What staff do with a called entry: complete it, mark it a no-show, or put it back in its place. */
    @POST
    @Path("{queueId}/entries/{entryId}/{outcome: complete|no-show|requeue}")
    public Uni<Response> settle(@PathParam("queueId") String queueId, @PathParam("entryId") String entryId,
                                @PathParam("outcome") String outcome,
                                @HeaderParam(KEY) String key) {
        String actor = caller.actor("requeue".equals(outcome) ? Permission.OPERATE : Permission.SERVE, queueId);
        return send(key, actor, now -> switch (outcome) {
            case "complete" -> new CompleteEntry(queueId, entryId, now);
            case "no-show" -> new MarkNoShow(queueId, entryId);
            case "requeue" -> new RequeueEntry(queueId, entryId);
            default -> throw new ProblemException(404, "NOT_FOUND", "no entry outcome " + outcome);
        });
    }

    /** A failed attempt to serve a called entry: it comes back after the queue's retry delay, or ends FAILED. */
    @POST
    @Path("{queueId}/entries/{entryId}/fail")
    public Uni<Response> fail(@PathParam("queueId") String queueId, @PathParam("entryId") String entryId,
                              ReasonRequest request, @HeaderParam(KEY) String key) {
        String actor = caller.actor(Permission.SERVE, queueId);
        String reason = request == null ? null : trimmed(request.reason());
        return send(key, actor, now -> new FailEntry(queueId, entryId, reason, now));
    }

    @PUT
    @Path("{queueId}/entries/{entryId}/priority")
    public Uni<Response> changePriority(@PathParam("queueId") String queueId, @PathParam("entryId") String entryId,
                                        ChangePriorityRequest request,
                                        @HeaderParam(KEY) String key) {
        String actor = caller.actor(Permission.OPERATE, queueId);
        body(request, "{\"priority\", \"justification\"}");
        var command = new ChangePriority(queueId, entryId, priority(request.priority(), null),
                trimmed(request.justification()));
        return send(key, actor, now -> command);
    }

    @POST
    @Path("{queueId}/entries/{entryId}/transfer")
    public Uni<Response> transfer(@PathParam("queueId") String queueId, @PathParam("entryId") String entryId,
                                  TransferEntryRequest request,
                                  @HeaderParam(KEY) String key) {
        String actor = caller.actor(Permission.OPERATE, queueId);
        body(request, "{\"targetQueueId\", \"justification\"}");
        var command = new TransferEntry(queueId, entryId, request.targetQueueId(), trimmed(request.justification()));
        return send(key, actor, now -> command, (commandId, queue, submitted) ->
                OutcomeResponses.transferStarted(commandId, queue, submitted, command.targetQueueId()));
    }

    @POST
    @Path("{queueId}/pause")
    public Uni<Response> pause(@PathParam("queueId") String queueId, ReasonRequest request,
                               @HeaderParam(KEY) String key) {
        String actor = caller.actor(Permission.OPERATE, queueId);
        String reason = request == null || request.reason() == null ? "" : request.reason().strip();
        return send(key, actor, now -> new PauseQueue(queueId, reason));
    }

    /** The transitions that need nothing but the queue: resume, wake, open, close. */
    @POST
    @Path("{queueId}/{transition: resume|wake|open|close}")
    public Uni<Response> transition(@PathParam("queueId") String queueId, @PathParam("transition") String transition,
                                    @HeaderParam(KEY) String key) {
        String actor = caller.actor(Permission.OPERATE, queueId);
        QueueCommand command = switch (transition) {
            case "resume" -> new ResumeQueue(queueId);
            case "wake" -> new WakeQueue(queueId);
            case "open" -> new OpenQueue(queueId);
            case "close" -> new CloseQueue(queueId);
            default -> throw new ProblemException(404, "NOT_FOUND", "no transition " + transition);
        };
        return send(key, actor, now -> command);
    }

    @POST
    @Path("{queueId}/sleep")
    public Uni<Response> sleep(@PathParam("queueId") String queueId, SleepRequest request,
                               @HeaderParam(KEY) String key) {
        String actor = caller.actor(Permission.OPERATE, queueId);
        body(request, "{\"until\": an ISO-8601 instant}");
        return send(key, actor, now -> new SleepQueue(queueId, request.until(), now));
    }

    /** The queue's planned opening and closing (a show's sale); both absent clears the plan. */
    @PUT
    @Path("{queueId}/schedule")
    public Uni<Response> schedule(@PathParam("queueId") String queueId, ScheduleRequest request,
                                  @HeaderParam(KEY) String key) {
        String actor = caller.actor(Permission.OPERATE, queueId);
        body(request, "{\"opensAt\"?: an ISO-8601 instant, \"closesAt\"?: an ISO-8601 instant}");
        return send(key, actor, now -> new ScheduleQueue(queueId, request.opensAt(), request.closesAt(), now));
    }

    @POST
    @Path("{queueId}/emergency-stop")
    public Uni<Response> emergencyStop(@PathParam("queueId") String queueId, ReasonRequest request,
                                       @HeaderParam(KEY) String key) {
        String actor = caller.actor(Permission.ADMINISTER, queueId);
        String reason = request == null ? null : trimmed(request.reason());
        return send(key, actor, now -> new EmergencyStopQueue(queueId, reason));
    }

    private Uni<Response> send(String key, String actor, Function<Instant, QueueCommand> command) {
        return send(key, actor, command, OutcomeResponses::ok);
    }

    private Uni<Response> send(String key, String actor, Function<Instant, QueueCommand> command,
                               ResponseFactory respond) {
        PreparedCommand<QueueCommand> prepared = PreparedCommand.of(key, actor, clock, command);
        return prepared.submitTo(submitter)
                .map(submitted -> respond.of(prepared.commandId(), prepared.command().queueId(), submitted));
    }

    @FunctionalInterface
    private interface ResponseFactory {
        Response of(String commandId, String queueId, SubmittedCommand submitted);
    }
}
