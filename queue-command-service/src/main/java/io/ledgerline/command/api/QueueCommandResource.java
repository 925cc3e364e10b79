package io.ledgerline.command.api;

import static io.ledgerline.command.api.RequestChecks.body;
import static io.ledgerline.command.api.RequestChecks.capacity;
import static io.ledgerline.command.api.RequestChecks.id;
import static io.ledgerline.command.api.RequestChecks.optionalText;
import static io.ledgerline.command.api.RequestChecks.priority;
import static io.ledgerline.command.api.RequestChecks.text;

import io.ledgerline.command.messaging.CommandSubmitter;
import io.ledgerline.command.model.CommandOutcome;
import io.ledgerline.queue.CallNext;
import io.ledgerline.queue.ChangePriority;
import io.ledgerline.queue.CloseQueue;
import io.ledgerline.queue.CompleteEntry;
import io.ledgerline.queue.ConfigureQueue;
import io.ledgerline.queue.CreateQueue;
import io.ledgerline.queue.EmergencyStopQueue;
import io.ledgerline.queue.JoinQueue;
import io.ledgerline.queue.LeaveQueue;
import io.ledgerline.queue.MarkNoShow;
import io.ledgerline.queue.OpenQueue;
import io.ledgerline.queue.PauseQueue;
import io.ledgerline.queue.Priority;
import io.ledgerline.queue.QueueCommand;
import io.ledgerline.queue.RequeueEntry;
import io.ledgerline.queue.ResumeQueue;
import io.ledgerline.queue.SleepQueue;
import io.ledgerline.queue.TransferEntry;
import io.ledgerline.queue.WakeQueue;
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
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/**
 * Queue commands over HTTP. Each call becomes one command on the commands topic and answers with its result; an
 * {@code Idempotency-Key} header makes a retry return the first result instead of acting twice.
 */
@Path("/queues")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class QueueCommandResource {

    private static final String KEY = "Idempotency-Key";
    private static final String ACTOR = "X-Ledgerline-Actor";

    private final CommandSubmitter submitter;

    public QueueCommandResource(CommandSubmitter submitter) {
        this.submitter = submitter;
    }

    @POST
    public Uni<Response> create(CreateQueueRequest request, @HeaderParam(KEY) String key, @HeaderParam(ACTOR) String actor) {
        body(request, "{\"queueId\", \"name\", \"capacity\"}");
        String queueId = id("queueId", request.queueId());
        var command = new CreateQueue(queueId, text("name", request.name(), 200), capacity(request.capacity()));
        return send(key, actor, now -> command, (commandId, q, outcome) ->
                OutcomeResponses.created(commandId, q, outcome, "/queues/" + q));
    }

    @PUT
    @Path("{queueId}")
    public Uni<Response> configure(@PathParam("queueId") String queueId, ConfigureQueueRequest request,
                                   @HeaderParam(KEY) String key, @HeaderParam(ACTOR) String actor) {
        body(request, "{\"name\", \"capacity\"}");
        var command = new ConfigureQueue(id("queueId", queueId), text("name", request.name(), 200),
                capacity(request.capacity()));
        return send(key, actor, now -> command);
    }

    @POST
    @Path("{queueId}/entries")
    public Uni<Response> join(@PathParam("queueId") String queueId, JoinQueueRequest request,
                              @HeaderParam(KEY) String key, @HeaderParam(ACTOR) String actor) {
        String q = id("queueId", queueId);
        String entryId = request == null || request.entryId() == null
                ? UUID.randomUUID().toString() : id("entryId", request.entryId());
        Priority priority = priority(request == null ? null : request.priority(), Priority.NORMAL);
        return send(key, actor, now -> new JoinQueue(q, entryId, priority, now), (commandId, queue, outcome) ->
                OutcomeResponses.created(commandId, queue, outcome, "/queues/" + queue + "/entries/" + entryId));
    }

    @DELETE
    @Path("{queueId}/entries/{entryId}")
    public Uni<Response> leave(@PathParam("queueId") String queueId, @PathParam("entryId") String entryId,
                               @HeaderParam(KEY) String key, @HeaderParam(ACTOR) String actor) {
        var command = new LeaveQueue(id("queueId", queueId), id("entryId", entryId));
        return send(key, actor, now -> command);
    }

    @POST
    @Path("{queueId}/call-next")
    public Uni<Response> callNext(@PathParam("queueId") String queueId,
                                  @HeaderParam(KEY) String key, @HeaderParam(ACTOR) String actor) {
        String q = id("queueId", queueId);
        return send(key, actor, now -> new CallNext(q, now));
    }

    /** What staff do with a called entry: complete it, mark it a no-show, or put it back in its place. */
    @POST
    @Path("{queueId}/entries/{entryId}/{outcome: complete|no-show|requeue}")
    public Uni<Response> settle(@PathParam("queueId") String queueId, @PathParam("entryId") String entryId,
                                @PathParam("outcome") String outcome,
                                @HeaderParam(KEY) String key, @HeaderParam(ACTOR) String actor) {
        String q = id("queueId", queueId);
        String e = id("entryId", entryId);
        return send(key, actor, now -> switch (outcome) {
            case "complete" -> new CompleteEntry(q, e, now);
            case "no-show" -> new MarkNoShow(q, e);
            case "requeue" -> new RequeueEntry(q, e);
            default -> throw new ProblemException(404, "NOT_FOUND", "no entry outcome " + outcome);
        });
    }

    @PUT
    @Path("{queueId}/entries/{entryId}/priority")
    public Uni<Response> changePriority(@PathParam("queueId") String queueId, @PathParam("entryId") String entryId,
                                        ChangePriorityRequest request,
                                        @HeaderParam(KEY) String key, @HeaderParam(ACTOR) String actor) {
        body(request, "{\"priority\", \"justification\"}");
        var command = new ChangePriority(id("queueId", queueId), id("entryId", entryId),
                priority(request.priority(), null), text("justification", request.justification(), 500));
        return send(key, actor, now -> command);
    }

    @POST
    @Path("{queueId}/entries/{entryId}/transfer")
    public Uni<Response> transfer(@PathParam("queueId") String queueId, @PathParam("entryId") String entryId,
                                  TransferEntryRequest request,
                                  @HeaderParam(KEY) String key, @HeaderParam(ACTOR) String actor) {
        body(request, "{\"targetQueueId\", \"justification\"}");
        var command = new TransferEntry(id("queueId", queueId), id("entryId", entryId),
                id("targetQueueId", request.targetQueueId()), text("justification", request.justification(), 500));
        return send(key, actor, now -> command);
    }

    @POST
    @Path("{queueId}/pause")
    public Uni<Response> pause(@PathParam("queueId") String queueId, ReasonRequest request,
                               @HeaderParam(KEY) String key, @HeaderParam(ACTOR) String actor) {
        var command = new PauseQueue(id("queueId", queueId),
                optionalText("reason", request == null ? null : request.reason(), 500));
        return send(key, actor, now -> command);
    }

    /** The transitions that need nothing but the queue: resume, wake, open, close. */
    @POST
    @Path("{queueId}/{transition: resume|wake|open|close}")
    public Uni<Response> transition(@PathParam("queueId") String queueId, @PathParam("transition") String transition,
                                    @HeaderParam(KEY) String key, @HeaderParam(ACTOR) String actor) {
        String q = id("queueId", queueId);
        QueueCommand command = switch (transition) {
            case "resume" -> new ResumeQueue(q);
            case "wake" -> new WakeQueue(q);
            case "open" -> new OpenQueue(q);
            case "close" -> new CloseQueue(q);
            default -> throw new ProblemException(404, "NOT_FOUND", "no transition " + transition);
        };
        return send(key, actor, now -> command);
    }

    @POST
    @Path("{queueId}/sleep")
    public Uni<Response> sleep(@PathParam("queueId") String queueId, SleepRequest request,
                               @HeaderParam(KEY) String key, @HeaderParam(ACTOR) String actor) {
        if (request == null || request.until() == null) {
            throw new ProblemException(400, "INVALID_REQUEST", "until (an ISO-8601 instant) is required");
        }
        var command = new SleepQueue(id("queueId", queueId), request.until());
        return send(key, actor, now -> command);
    }

    @POST
    @Path("{queueId}/emergency-stop")
    public Uni<Response> emergencyStop(@PathParam("queueId") String queueId, ReasonRequest request,
                                       @HeaderParam(KEY) String key, @HeaderParam(ACTOR) String actor) {
        var command = new EmergencyStopQueue(id("queueId", queueId),
                text("reason", request == null ? null : request.reason(), 500));
        return send(key, actor, now -> command);
    }

    private Uni<Response> send(String key, String actor, Function<Instant, QueueCommand> command) {
        return send(key, actor, command, OutcomeResponses::ok);
    }

    private Uni<Response> send(String key, String actor, Function<Instant, QueueCommand> command,
                               ResponseFactory respond) {
        String commandId = key == null ? UUID.randomUUID().toString() : id(KEY, key);
        String who = actor == null || actor.isBlank() ? "rest:anonymous" : text(ACTOR, actor, 200);
        Instant now = Instant.now();
        QueueCommand decided = command.apply(now);
        return submitter.submit(commandId, who, now, decided)
                .map(outcome -> respond.of(commandId, decided.queueId(), outcome));
    }

    @FunctionalInterface
    private interface ResponseFactory {
        Response of(String commandId, String queueId, CommandOutcome outcome);
    }
}
