package io.ledgerline.projection.api;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.ws.rs.DefaultValue;
import io.ledgerline.access.Permission;
import io.ledgerline.access.rest.RateLimited;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.ledgerline.projection.ProjectionConfig;
import io.ledgerline.projection.model.EntryStatus;
import io.ledgerline.projection.model.EntryView;
import io.ledgerline.projection.model.WaitingRank;
import io.ledgerline.projection.store.PgReadModel;
import io.ledgerline.projection.store.RedisPositionStore;
import io.smallrye.mutiny.Uni;

/** Queries on the read models: queue summary, one entry's position, the waiting line. */
@Path("/queues/{queueId}")
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {

    private final PgReadModel postgres;
    private final RedisPositionStore redis;
    private final ProjectionConfig config;
    private final Caller caller;

    public QueueResource(PgReadModel postgres, RedisPositionStore redis, ProjectionConfig config, Caller caller) {
        this.postgres = postgres;
        this.redis = redis;
        this.config = config;
        this.caller = caller;
    }

    @GET
    @RateLimited(RateLimited.READS)
    public Uni<QueueResponse> queue(@PathParam("queueId") String queueId) {
        caller.require(Permission.READ, queueId);
        return postgres.queue(queueId).flatMap(found -> {
            var queue = found.orElseThrow(() -> ProblemException.queueNotFound(queueId));
            return redis.waitingCount(queueId).map(waiting -> new QueueResponse(queue.queueId(), queue.name(),
                    queue.status(), queue.capacity(), waiting, queue.lastSequence(), queue.opensAt(),
                    queue.closesAt()));
        });
    }

    @GET
    @RateLimited(RateLimited.READS)
    @Path("/entries/{entryId}")
    public Uni<EntryResponse> entry(@PathParam("queueId") String queueId, @PathParam("entryId") String entryId) {
        caller.require(Permission.READ, queueId, entryId);
        return postgres.entry(queueId, entryId).flatMap(found -> {
            EntryView entry = found.orElseThrow(() -> ProblemException.entryNotFound(queueId, entryId));
            if (entry.status() != EntryStatus.WAITING) {
                return Uni.createFrom().item(EntryResponse.of(entry, null));
            }
            return redis.position(queueId, entryId)
                    .map(p -> EntryResponse.of(entry, p.isPresent() ? p.getAsLong() : null));
        });
    }

    /** WAITING entries come in serving order with their positions; other statuses in ticket order. */
    @GET
    @RateLimited(RateLimited.READS)
    @Path("/entries")
    public Uni<List<EntryResponse>> entries(@PathParam("queueId") String queueId,
            @QueryParam("status") @DefaultValue("WAITING") String statusName,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        caller.require(Permission.READ, queueId);
        if (limit < 1 || limit > config.maxPageSize()) {
            throw ProblemException.invalidRequest("limit must be between 1 and " + config.maxPageSize());
        }
        EntryStatus status = parseStatus(statusName);
        return postgres.queue(queueId).flatMap(found -> {
            found.orElseThrow(() -> ProblemException.queueNotFound(queueId));
            if (status != EntryStatus.WAITING) {
                return postgres.entriesWithStatus(queueId, status, limit)
                        .map(list -> list.stream().map(e -> EntryResponse.of(e, null)).toList());
            }
            return redis.firstWaiting(queueId, limit).flatMap(ranks -> waitingEntries(queueId, ranks));
        });
    }

    private static EntryStatus parseStatus(String name) {
        try {
            return EntryStatus.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidRequest("status must be one of " + java.util.Arrays.toString(EntryStatus.values()));
        }
    }

    private Uni<List<EntryResponse>> waitingEntries(String queueId, List<WaitingRank> ranks) {
        return postgres.entries(queueId, ranks.stream().map(WaitingRank::entryId).toList()).map(views -> {
            Map<String, EntryView> byId = views.stream()
                    .collect(Collectors.toMap(EntryView::entryId, Function.identity()));
            return ranks.stream()
                    .filter(rank -> byId.containsKey(rank.entryId()))
                    .map(rank -> EntryResponse.of(byId.get(rank.entryId()), rank.position()))
                    .toList();
        });
    }
}
