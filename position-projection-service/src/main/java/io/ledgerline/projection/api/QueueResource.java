package io.ledgerline.projection.api;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.ledgerline.access.Permission;
import io.ledgerline.access.rest.RateLimited;
import io.ledgerline.projection.ProjectionConfig;
import io.ledgerline.projection.model.EntryStatus;
import io.ledgerline.projection.model.EntryView;
import io.ledgerline.projection.store.PgQueueFigures;
import io.ledgerline.projection.store.PgReadModel;
import io.ledgerline.projection.store.RedisLineReads;
import io.ledgerline.projection.store.RedisPositionStore;
import io.smallrye.mutiny.Uni;

/**
 * Queries on the read models: a queue's summary, one entry, the line page by page, counts and statistics. Each may ask
 * for at least a sequence ({@link ReadAfter}); an entry and a page say which sequence they reflect.
 */
@Path("/queues/{queueId}")
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {

    /** Retries of an entry read that found Redis behind PostgreSQL (a batch between its two stores). */
    private static final int CONSISTENT_READ_TRIES = 20;

    private final PgReadModel postgres;
    private final RedisPositionStore redis;
    private final RedisLineReads line;
    private final PgQueueFigures figures;
    private final ReadAfter readAfter;
    private final ProjectionConfig config;
    private final Caller caller;

    public QueueResource(PgReadModel postgres, RedisPositionStore redis, RedisLineReads line, PgQueueFigures figures,
            ReadAfter readAfter, ProjectionConfig config, Caller caller) {
        this.postgres = postgres;
        this.redis = redis;
        this.line = line;
        this.figures = figures;
        this.readAfter = readAfter;
        this.config = config;
        this.caller = caller;
    }

    @GET
    @RateLimited(RateLimited.READS)
    public Uni<QueueResponse> queue(@PathParam("queueId") String queueId, @QueryParam("minSequence") String minSequence,
            @HeaderParam(ReadAfter.HEADER) String minSequenceHeader) {
        caller.require(Permission.READ, queueId);
        return readAfter.sequence(queueId, minSequence, minSequenceHeader).flatMap(ready -> postgres.queue(queueId))
                .flatMap(found -> {
                    var queue = found.orElseThrow(() -> ProblemException.queueNotFound(queueId));
                    return redis.waitingCount(queueId).map(waiting -> new QueueResponse(queue.queueId(), queue.name(),
                            queue.status(), queue.capacity(), waiting, queue.lastSequence(), queue.opensAt(),
                            queue.closesAt()));
                });
    }

    /**
     * The entry as PostgreSQL has it and its position as Redis has it, taken when both reflect the entry's last change
     * (a batch is applied to PostgreSQL, then Redis: a read between the two is retried, never answered half-applied).
     */
    @GET
    @RateLimited(RateLimited.READS)
    @Path("/entries/{entryId}")
    public Uni<EntryResponse> entry(@PathParam("queueId") String queueId, @PathParam("entryId") String entryId,
            @QueryParam("minSequence") String minSequence, @HeaderParam(ReadAfter.HEADER) String minSequenceHeader) {
        caller.require(Permission.READ, queueId, entryId);
        return readAfter.sequence(queueId, minSequence, minSequenceHeader)
                .flatMap(ready -> consistentEntry(queueId, entryId, CONSISTENT_READ_TRIES));
    }

    private Uni<EntryResponse> consistentEntry(String queueId, String entryId, int triesLeft) {
        return postgres.entry(queueId, entryId).flatMap(found -> {
            EntryView entry = found.orElseThrow(() -> ProblemException.entryNotFound(queueId, entryId));
            return line.position(queueId, entryId).flatMap(at -> {
                if (at.sequence() < entry.updatedSequence() && triesLeft > 0) {
                    return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(5))
                            .flatMap(ignored -> consistentEntry(queueId, entryId, triesLeft - 1));
                }
                Long position = entry.status() == EntryStatus.WAITING ? at.position() : null;
                return Uni.createFrom().item(EntryResponse.of(entry, position,
                        Math.max(at.sequence(), entry.updatedSequence())));
            });
        });
    }

    /**
     * WAITING entries in serving order with their positions, other statuses in ticket order; {@code limit} at a time.
     * A {@code Link: <…>; rel="next"} header carries the cursor ({@code after}) of the next page while there is one:
     * a waiting line of any length is read page by page, each page continuing where the last ended even if the line
     * moved meanwhile.
     */
    @GET
    @RateLimited(RateLimited.READS)
    @Path("/entries")
    public Uni<Response> entries(@PathParam("queueId") String queueId,
            @QueryParam("status") @DefaultValue("WAITING") String statusName,
            @QueryParam("limit") @DefaultValue("50") String limitText, @QueryParam("after") String after,
            @QueryParam("minSequence") String minSequence, @HeaderParam(ReadAfter.HEADER) String minSequenceHeader,
            @jakarta.ws.rs.core.Context UriInfo uri) {
        caller.require(Permission.READ, queueId);
        int limit = Pages.limit(limitText, config);
        EntryStatus status = parseStatus(statusName);
        String[] cursor = Cursor.parse(after, status == EntryStatus.WAITING ? 2 : 1);
        return readAfter.sequence(queueId, minSequence, minSequenceHeader).flatMap(ready -> postgres.queue(queueId))
                .flatMap(found -> {
                    var queue = found.orElseThrow(() -> ProblemException.queueNotFound(queueId));
                    if (status != EntryStatus.WAITING) {
                        long afterTicket = cursor == null ? 0 : Cursor.number(cursor[0]);
                        return postgres.entriesWithStatus(queueId, status, afterTicket, limit).map(list -> {
                            List<EntryResponse> page = list.stream()
                                    .map(e -> EntryResponse.of(e, null, queue.lastSequence())).toList();
                            String next = page.size() < limit ? null
                                    : Cursor.of(Long.toString(page.get(page.size() - 1).ticket()));
                            return Pages.of(page, next, uri);
                        });
                    }
                    return line.page(queueId, cursor == null ? "" : cursor[1], cursor == null ? "0" : cursor[0], limit)
                            .flatMap(page -> postgres.entries(queueId,
                                    page.ranks().stream().map(r -> r.entryId()).toList()).map(views -> {
                                Map<String, EntryView> byId = views.stream()
                                        .collect(Collectors.toMap(EntryView::entryId, Function.identity()));
                                List<EntryResponse> entries = new ArrayList<>();
                                page.ranks().stream().filter(rank -> byId.containsKey(rank.entryId()))
                                        .forEach(rank -> entries.add(EntryResponse.of(byId.get(rank.entryId()),
                                                rank.position(), page.sequence())));
                                int last = page.ranks().size() - 1;
                                String next = page.ranks().size() < limit ? null
                                        : Cursor.of(page.scores().get(last), page.ranks().get(last).entryId());
                                return Pages.of(entries, next, uri);
                            }));
                });
    }

    /** Entries of the queue by status, and by status and priority. */
    @GET
    @RateLimited(RateLimited.READS)
    @Path("/counts")
    public Uni<PgQueueFigures.Counts> counts(@PathParam("queueId") String queueId,
            @QueryParam("minSequence") String minSequence, @HeaderParam(ReadAfter.HEADER) String minSequenceHeader) {
        caller.require(Permission.READ, queueId);
        return readAfter.sequence(queueId, minSequence, minSequenceHeader).flatMap(ready -> postgres.queue(queueId))
                .flatMap(found -> {
                    found.orElseThrow(() -> ProblemException.queueNotFound(queueId));
                    return figures.counts(queueId);
                });
    }

    /**
     * Over the last {@code window} (ISO-8601, a day by default): how entries ended, the success rate (completed among
     * completed, failed and no-shows), throughput per hour, and the average and 90th percentile of the wait from
     * joining to being called; with the counts by status and priority as they stand.
     */
    @GET
    @RateLimited(RateLimited.READS)
    @Path("/stats")
    public Uni<QueueStatsResponse> stats(@PathParam("queueId") String queueId,
            @QueryParam("window") @DefaultValue("PT24H") String window) {
        caller.require(Permission.READ, queueId);
        Duration span;
        try {
            span = Duration.parse(window);
        } catch (RuntimeException e) {
            throw ProblemException.invalidRequest("window must be an ISO-8601 duration, e.g. PT24H");
        }
        if (!span.isPositive() || span.compareTo(Duration.ofDays(366)) > 0) {
            throw ProblemException.invalidRequest("window must be positive and at most a year");
        }
        Instant since = Instant.now().minus(span);
        return postgres.queue(queueId).flatMap(found -> {
            found.orElseThrow(() -> ProblemException.queueNotFound(queueId));
            return figures.counts(queueId).flatMap(counts -> figures.stats(queueId, since)
                    .map(stats -> QueueStatsResponse.of(queueId, span, counts, stats)));
        });
    }

    private static EntryStatus parseStatus(String name) {
        try {
            return EntryStatus.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidRequest("status must be one of " + java.util.Arrays.toString(EntryStatus.values()));
        }
    }

    /** Opaque page cursors: base64url of their parts, joined by a newline (no part holds one). */
    static final class Cursor {
        private Cursor() {}

        static String of(String... parts) {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
        }

        static String[] parse(String cursor, int parts) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                String[] split = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n");
                if (split.length == parts) {
                    return split;
                }
            } catch (IllegalArgumentException e) {
                // answered below
            }
            throw ProblemException.invalidRequest("after is not a cursor of this listing (take it from the Link header)");
        }

        static long number(String part) {
            try {
                return Long.parseLong(part);
            } catch (NumberFormatException e) {
                throw ProblemException.invalidRequest("after is not a cursor of this listing");
            }
        }
    }
}
