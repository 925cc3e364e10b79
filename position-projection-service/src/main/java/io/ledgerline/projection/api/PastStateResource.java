package io.ledgerline.projection.api;

import io.ledgerline.access.Permission;
import io.ledgerline.access.rest.RateLimited;
import io.ledgerline.log.HistoryPoint;
import io.ledgerline.log.QueueHistory;
import io.ledgerline.projection.ProjectionConfig;
import io.ledgerline.projection.messaging.QueuePast;
import io.ledgerline.queue.Entry;
import io.ledgerline.queue.QueueDigest;
import io.ledgerline.queue.QueueState;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A queue as it was at a point of its past ({@code ?time=} an ISO-8601 instant, or {@code ?sequence=}), replayed
 * from the log by the domain: its status and the head of its waiting line with ranks, as the console's time
 * scrubber shows them. The answer says what the replay read, so its cost is visible.
 */
@Path("/queues/{queueId}/at")
@Produces(MediaType.APPLICATION_JSON)
public class PastStateResource {

    public record PlaceThen(long position, String entryId, String number, String priority, Instant joinedAt) {}

    public record OtherThen(String entryId, String number, String status, String priority) {}

    public record Replay(long fromCheckpointSequence, long recordsRead, long eventsApplied, long millis) {}

    public record PastState(String queueId, String asked, boolean existed, String status, long sequence,
                            Instant lastEventAt, int waiting, List<PlaceThen> line, List<OtherThen> others,
                            Replay replay) {}

    private final QueuePast past;
    private final ProjectionConfig config;
    private final Caller caller;

    public PastStateResource(QueuePast past, ProjectionConfig config, Caller caller) {
        this.past = past;
        this.config = config;
        this.caller = caller;
    }

    @GET
    @Blocking
    @RateLimited(RateLimited.READS)
    public PastState at(@PathParam("queueId") String queueId, @QueryParam("time") String time,
                        @QueryParam("sequence") String sequence,
                        @QueryParam("limit") @DefaultValue("100") String limitText) {
        caller.require(Permission.READ, queueId);
        int limit = Pages.limit(limitText, config);
        HistoryPoint point = pointOf(time, sequence);
        QueueHistory.Replayed replayed = past.at(queueId, point);
        QueueState state = replayed.state();
        if (!replayed.exists()) {
            throw ProblemException.notFound("QUEUE_NOT_FOUND", "queue " + queueId + " did not exist at " + point);
        }
        List<Entry> waiting = state.waitingInOrder();
        List<PlaceThen> line = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, waiting.size()); i++) {
            Entry e = waiting.get(i);
            line.add(new PlaceThen(i + 1, e.entryId(), e.number(), e.priority().name(), e.joinedAt()));
        }
        List<OtherThen> others = state.activeEntries().stream().filter(e -> !e.callable()).limit(limit)
                .map(e -> new OtherThen(e.entryId(), e.number(), QueueDigest.visibleStatus(e), e.priority().name()))
                .toList();
        return new PastState(queueId, point.toString(), true, state.status().name(), replayed.sequence(),
                replayed.lastEventAt(), waiting.size(), line, others, new Replay(replayed.checkpointSequence(),
                replayed.recordsRead(), replayed.eventsApplied(), replayed.took().toMillis()));
    }

    private static HistoryPoint pointOf(String time, String sequence) {
        if (time != null && sequence != null) {
            throw ProblemException.invalidRequest("ask for a time or a sequence, not both");
        }
        if (sequence != null) {
            return HistoryPoint.atSequence(Pages.wholeNumber(sequence, "sequence"));
        }
        if (time == null) {
            return HistoryPoint.NOW;
        }
        try {
            return HistoryPoint.atTime(Instant.parse(time.strip()));
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidRequest("time must be an ISO-8601 instant such as 2026-11-24T09:30:00Z,"
                    + " not '" + time + "'");
        }
    }
}
