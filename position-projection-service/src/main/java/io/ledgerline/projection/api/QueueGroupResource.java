package io.ledgerline.projection.api;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.ledgerline.access.Permission;
import io.ledgerline.access.rest.RateLimited;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.ledgerline.projection.model.QueueStatus;
import io.ledgerline.projection.store.PgGroupLoads;
import io.ledgerline.projection.store.RedisPositionStore;
import io.smallrye.mutiny.Uni;

/**
 * A group of queues (those carrying the tag {@code groupId}) as the command service's group join reads it: each
 * queue's status, waiting count and observed service rate, and where a given entry already is.
 */
@Path("/queue-groups/{groupId}")
@Produces(MediaType.APPLICATION_JSON)
public class QueueGroupResource {

    /** How far back the service rate looks: long enough to smooth, short enough to follow a change of staff. */
    static final Duration RATE_WINDOW = Duration.ofMinutes(15);

    private final PgGroupLoads loads;
    private final RedisPositionStore redis;
    private final Clock clock = Clock.systemUTC();
    private final Caller caller;

    public QueueGroupResource(PgGroupLoads loads, RedisPositionStore redis, Caller caller) {
        this.loads = loads;
        this.redis = redis;
        this.caller = caller;
    }

    /**
     * @param queueId          a queue of the group
     * @param completedPerHour entries it completed in the last 15 minutes, times four
     */
    public record QueueLoad(String queueId, QueueStatus status, long waitingCount, long completedPerHour) {
    }

    /** @param entryIn the group's queue where the asked entry is active; null when none (or not asked) */
    public record GroupResponse(String groupId, List<QueueLoad> queues, String entryIn) {
    }

    @GET
    @RateLimited(RateLimited.READS)
    public Uni<GroupResponse> group(@PathParam("groupId") String groupId, @QueryParam("entryId") String entryId) {
        caller.require(Permission.READ, null);
        Uni<String> entryIn = entryId == null || entryId.isBlank() ? Uni.createFrom().nullItem()
                : loads.queueHolding(groupId, entryId).map(found -> found.orElse(null));
        return loads.of(groupId, clock.instant(), RATE_WINDOW).flatMap(queues -> {
            if (queues.isEmpty()) {
                return Uni.createFrom().item(List.<QueueLoad>of());
            }
            return Uni.join().all(queues.stream().map(queue -> redis.waitingCount(queue.queueId()).map(waiting ->
                    new QueueLoad(queue.queueId(), queue.status(), waiting,
                            queue.completed() * (Duration.ofHours(1).toMinutes() / RATE_WINDOW.toMinutes())))).toList())
                    .andFailFast();
        }).flatMap(queues -> entryIn.map(in -> new GroupResponse(groupId, queues, in)));
    }
}
