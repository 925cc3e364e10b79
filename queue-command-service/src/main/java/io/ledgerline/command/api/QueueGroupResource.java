package io.ledgerline.command.api;

import static io.ledgerline.command.api.RequestChecks.KEY;
import static io.ledgerline.command.api.RequestChecks.idFromKey;
import static io.ledgerline.command.api.RequestChecks.priority;

import io.ledgerline.access.Permission;
import io.ledgerline.access.rest.RateLimited;
import io.ledgerline.command.messaging.submit.CommandSubmitter;
import io.ledgerline.command.model.CommandOutcome;
import io.ledgerline.command.model.ForwardedCommand;
import io.ledgerline.command.model.GroupChoice;
import io.ledgerline.command.readside.GroupLoads;
import io.ledgerline.queue.EntryDetails;
import io.ledgerline.queue.FieldLimits;
import io.ledgerline.queue.JoinQueue;
import io.ledgerline.queue.Priority;
import io.ledgerline.queue.RejectionReason;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Join the least busy queue of a group: the queues carrying the tag {@code groupId}, ranked by {@link GroupChoice} on
 * the loads the position projection reports. The best is tried first; a queue that refuses (full, closed, outside its
 * hours) passes the join to the next. A retry finds the entry where the first attempt put it and sends nothing again.
 */
@Path("/queue-groups")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class QueueGroupResource {

    /** Refusals that say "not this queue", so another queue of the group may take the join. */
    private static final Set<String> TRY_NEXT = Set.of(RejectionReason.QUEUE_FULL.name(),
            RejectionReason.QUEUE_CLOSED.name(), RejectionReason.QUEUE_EMERGENCY_STOPPED.name(),
            RejectionReason.OUTSIDE_HOURS.name(), RejectionReason.QUEUE_NOT_FOUND.name());

    private final CommandSubmitter submitter;
    private final GroupLoads loads;
    private final Clock clock;
    private final Caller caller;

    public QueueGroupResource(CommandSubmitter submitter, GroupLoads loads, Clock clock, Caller caller) {
        this.submitter = submitter;
        this.loads = loads;
        this.clock = clock;
        this.caller = caller;
    }

    @POST
    @RateLimited(RateLimited.JOINS)
    @Path("{groupId}/entries")
    public Uni<Response> join(@PathParam("groupId") String groupId, JoinQueueRequest request,
                              @HeaderParam(KEY) String key) {
        String who = caller.actor(Permission.JOIN, null);
        String problem = FieldLimits.id("groupId", groupId);
        if (problem != null) {
            throw new ProblemException(400, "INVALID_REQUEST", problem);
        }
        String commandId = RequestChecks.commandId(key);
        String entryId = request != null && request.entryId() != null ? request.entryId() : idFromKey(groupId, key);
        Priority priority = priority(request == null ? null : request.priority(), Priority.NORMAL);
        EntryDetails details = request == null ? EntryDetails.NONE : request.details();
        Instant now = clock.instant();
        java.util.function.Function<String, JoinQueue> joinIn = queueId -> new JoinQueue(queueId, entryId, priority, now,
                request == null ? null : request.scheduledAt(), details);
        RequestChecks.wellFormed(joinIn.apply(groupId)); // bad input is refused before any queue is asked
        return loads.of(groupId, entryId, caller.bearerToken())
                .onFailure().transform(e -> new ProblemException(503, "GROUP_LOADS_UNAVAILABLE", "the loads of group "
                        + groupId + " could not be read from the position projection: " + e.getMessage()))
                .flatMap(group -> {
                    if (group.entryIn() != null) {
                        return Uni.createFrom().item(Response.ok(new GroupJoinResponse(commandId, groupId,
                                group.entryIn(), entryId, null, null, true)).build());
                    }
                    List<String> ranked = GroupChoice.ranked(group.queues());
                    if (ranked.isEmpty()) {
                        throw new ProblemException(404, "GROUP_NOT_FOUND", "no queue taking joins carries tag "
                                + groupId + " (" + group.queues().size() + " carry it)");
                    }
                    return tryIn(ranked, 0, new ArrayList<>(), groupId, commandId, who, now, joinIn);
                });
    }

    private Uni<Response> tryIn(List<String> ranked, int index, List<String> refusals, String groupId,
                                String commandId, String who, Instant now,
                                java.util.function.Function<String, JoinQueue> joinIn) {
        if (index == ranked.size()) {
            throw new ProblemException(409, "GROUP_FULL", "no queue of group " + groupId + " took the join: "
                    + String.join("; ", refusals), commandId);
        }
        String queueId = ranked.get(index);
        JoinQueue join = joinIn.apply(queueId);
        return submitter.submit(ForwardedCommand.groupJoin(commandId, queueId), who, now, join).flatMap(submitted -> {
            if (submitted.outcome() instanceof CommandOutcome.Accepted accepted) {
                var body = new GroupJoinResponse(commandId, groupId, queueId, accepted.entryId(),
                        accepted.entryNumber(), accepted.lastSequence(), false);
                return Uni.createFrom().item(Response.created(URI.create("/queues/" + queueId + "/entries/"
                        + accepted.entryId())).entity(body).build());
            }
            var rejected = (CommandOutcome.Rejected) submitted.outcome();
            if (rejected.reason().equals(RejectionReason.DUPLICATE_ENTRY.name())) {
                return Uni.createFrom().item(Response.ok(new GroupJoinResponse(commandId, groupId, queueId,
                        join.entryId(), null, null, true)).build());
            }
            if (!TRY_NEXT.contains(rejected.reason())) {
                throw new ProblemException(OutcomeResponses.statusOf(rejected.reason()), rejected.reason(),
                        rejected.detail(), commandId);
            }
            refusals.add(queueId + ": " + rejected.reason());
            return tryIn(ranked, index + 1, refusals, groupId, commandId, who, now, joinIn);
        });
    }
}
