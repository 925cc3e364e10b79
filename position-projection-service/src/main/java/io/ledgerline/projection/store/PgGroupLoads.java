package io.ledgerline.projection.store;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.ledgerline.projection.ProjectionConfig;
import io.ledgerline.projection.model.EntryStatus;
import io.ledgerline.projection.model.QueueStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The queues of a group (those carrying its tag) and how much each served lately, from PostgreSQL. */
@ApplicationScoped
public class PgGroupLoads {

    /** A queue of the group: its status and how many entries it completed in the window. */
    public record QueueLoad(String queueId, QueueStatus status, long completed) {
    }

    /**
     * The statuses of an active entry, as a SQL list: from {@link EntryStatus#isFinal}, so that a new status (held
     * while served elsewhere, under way, admitted) cannot be forgotten here.
     */
    private static final String ACTIVE = Arrays.stream(EntryStatus.values()).filter(s -> !s.isFinal())
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));

    private final Pool pool;
    private final String loads;
    private final String holding;

    public PgGroupLoads(Pool pool, ProjectionConfig config) {
        this.pool = pool;
        String s = config.pgSchema();
        this.loads = "SELECT q.queue_id, q.status, (SELECT count(*) FROM " + s + ".entries e WHERE e.queue_id = q.queue_id"
                + " AND e.status = 'COMPLETED' AND e.finished_at > $2) AS completed"
                + " FROM " + s + ".queues q JOIN " + s + ".queue_tags t ON t.queue_id = q.queue_id"
                + " WHERE t.tag = $1 ORDER BY q.queue_id";
        this.holding = "SELECT e.queue_id FROM " + s + ".entries e JOIN " + s + ".queue_tags t ON t.queue_id = e.queue_id"
                + " WHERE t.tag = $1 AND e.entry_id = $2"
                + " AND e.status IN (" + ACTIVE + ") ORDER BY e.queue_id LIMIT 1";
    }

    /** Every queue carrying {@code tag}, with what it completed since {@code now - window}. */
    public Uni<List<QueueLoad>> of(String tag, Instant now, Duration window) {
        OffsetDateTime since = now.minus(window).atOffset(ZoneOffset.UTC);
        return pool.preparedQuery(loads).execute(Tuple.of(tag, since)).map(rows -> {
            List<QueueLoad> found = new ArrayList<>();
            for (Row row : rows) {
                String status = row.getString("status");
                found.add(new QueueLoad(row.getString("queue_id"), status == null ? null : QueueStatus.valueOf(status),
                        row.getLong("completed")));
            }
            return found;
        });
    }

    /** The group's queue where {@code entryId} is active (in the line or out of it), if any. */
    public Uni<Optional<String>> queueHolding(String tag, String entryId) {
        return pool.preparedQuery(holding).execute(Tuple.of(tag, entryId)).map(rows -> {
            var it = rows.iterator();
            return it.hasNext() ? Optional.of(it.next().getString("queue_id")) : Optional.empty();
        });
    }
}
