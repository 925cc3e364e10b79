package io.ledgerline.projection.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.ledgerline.projection.ProjectionConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * An entry's journey and a queue's audit trail, page by page by sequence. The audit trail is the queue's own changes
 * and the overrides of its entries (priority changes with their justification, promotions, requeues, transfers), each
 * with the actor its event names.
 */
@ApplicationScoped
public class PgAuditTrail {

    /** One step: the entry it moved (null for the queue itself), what it became, who caused it, why or where. */
    public record Step(long sequence, String eventType, String entryId, String status, String priority, String actor,
            String detail, Instant occurredAt) {}

    /** Entry events that are someone's decision about an entry rather than the line simply moving. */
    private static final String OVERRIDES = "'EntryPriorityChanged', 'EntryPromoted', 'EntryRequeued',"
            + " 'EntryTransferStarted'";

    private final Pool pool;
    private final String journey;
    private final String audit;
    private final String expireEntries;
    private final String expireQueues;

    public PgAuditTrail(Pool pool, ProjectionConfig config) {
        this.pool = pool;
        String s = config.pgSchema();
        this.journey = "SELECT sequence, event_type, entry_id, status, priority, actor, detail, occurred_at FROM " + s
                + ".entry_history WHERE queue_id = $1 AND entry_id = $2 AND sequence > $3 ORDER BY sequence LIMIT $4";
        this.audit = "SELECT * FROM (SELECT sequence, event_type, NULL AS entry_id, status, NULL AS priority, actor,"
                + " detail, occurred_at FROM " + s + ".queue_history WHERE queue_id = $1 AND sequence > $2"
                + " UNION ALL SELECT sequence, event_type, entry_id, status, priority, actor, detail, occurred_at FROM "
                + s + ".entry_history WHERE queue_id = $1 AND sequence > $2 AND event_type IN (" + OVERRIDES + "))"
                + " steps ORDER BY sequence LIMIT $3";
        this.expireEntries = "DELETE FROM " + s + ".entry_history WHERE occurred_at < $1";
        this.expireQueues = "DELETE FROM " + s + ".queue_history WHERE occurred_at < $1";
    }

    public Uni<List<Step>> journey(String queueId, String entryId, long afterSequence, int limit) {
        return pool.preparedQuery(journey).execute(Tuple.of(queueId, entryId, afterSequence, limit))
                .map(PgAuditTrail::steps);
    }

    public Uni<List<Step>> audit(String queueId, long afterSequence, int limit) {
        return pool.preparedQuery(audit).execute(Tuple.of(queueId, afterSequence, limit)).map(PgAuditTrail::steps);
    }

    /** Deletes the history older than {@code before}; how many rows went. */
    public Uni<Integer> expire(Instant before) {
        Tuple args = Tuple.of(before.atOffset(ZoneOffset.UTC));
        return pool.preparedQuery(expireEntries).execute(args).flatMap(entries -> pool.preparedQuery(expireQueues)
                .execute(args).map(queues -> entries.rowCount() + queues.rowCount()));
    }

    private static List<Step> steps(RowSet<Row> rows) {
        List<Step> steps = new ArrayList<>();
        for (Row row : rows) {
            OffsetDateTime at = row.getOffsetDateTime("occurred_at");
            steps.add(new Step(row.getLong("sequence"), row.getString("event_type"), row.getString("entry_id"),
                    row.getString("status"), row.getString("priority"), row.getString("actor"),
                    row.getString("detail"), at == null ? null : at.toInstant()));
        }
        return steps;
    }
}
