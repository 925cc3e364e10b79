package io.ledgerline.projection.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.ledgerline.projection.ProjectionConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Figures over many entries or queues, computed by PostgreSQL where the rows are: counts, statistics, listings. */
@ApplicationScoped
public class PgQueueFigures {

    /** Entries of a queue by status, and by status and priority ({@code status -> priority -> count}). */
    public record Counts(Map<String, Long> byStatus, Map<String, Map<String, Long>> byStatusAndPriority) {}

    /**
     * What happened to a queue's entries since {@code since}: the endings, and the waits of those called or admitted
     * (from joining to the call), in seconds; null when none was.
     */
    public record Stats(Map<String, Long> finished, long called, Double averageWaitSeconds, Double p90WaitSeconds) {}

    /** A queue of a listing, with its tags. */
    public record Listed(String queueId, String name, String status, long lastSequence, List<String> tags) {}

    private final Pool pool;
    private final String counts;
    private final String finished;
    private final String waits;
    private final String listing;
    private final String listingByTags;

    public PgQueueFigures(Pool pool, ProjectionConfig config) {
        this.pool = pool;
        String s = config.pgSchema();
        this.counts = "SELECT status, priority, count(*) AS n FROM " + s + ".entries WHERE queue_id = $1"
                + " GROUP BY status, priority";
        this.finished = "SELECT status, count(*) AS n FROM " + s + ".entries WHERE queue_id = $1 AND finished_at >= $2"
                + " GROUP BY status";
        this.waits = "SELECT count(*) AS n, avg(w) AS average, percentile_cont(0.9) WITHIN GROUP (ORDER BY w) AS p90"
                + " FROM (SELECT extract(epoch FROM called_at - joined_at) AS w FROM " + s + ".entries"
                + " WHERE queue_id = $1 AND called_at >= $2) waits";
        String tagsOf = "(SELECT coalesce(array_agg(t.tag ORDER BY t.tag), '{}') FROM " + s + ".queue_tags t"
                + " WHERE t.queue_id = q.queue_id) AS tags";
        this.listing = "SELECT q.queue_id, q.name, q.status, q.last_sequence, " + tagsOf + " FROM " + s + ".queues q"
                + " WHERE q.queue_id > $1 ORDER BY q.queue_id LIMIT $2";
        // Every wanted tag: as many matching tag rows as tags wanted.
        this.listingByTags = "SELECT q.queue_id, q.name, q.status, q.last_sequence, " + tagsOf + " FROM " + s
                + ".queues q WHERE q.queue_id > $1 AND (SELECT count(*) FROM " + s + ".queue_tags w"
                + " WHERE w.queue_id = q.queue_id AND w.tag = ANY($3)) = cardinality($3)"
                + " ORDER BY q.queue_id LIMIT $2";
    }

    public Uni<Counts> counts(String queueId) {
        return pool.preparedQuery(counts).execute(Tuple.of(queueId)).map(rows -> {
            Map<String, Long> byStatus = new LinkedHashMap<>();
            Map<String, Map<String, Long>> byBoth = new LinkedHashMap<>();
            for (Row row : rows) {
                long n = row.getLong("n");
                byStatus.merge(row.getString("status"), n, Long::sum);
                byBoth.computeIfAbsent(row.getString("status"), k -> new LinkedHashMap<>())
                        .put(row.getString("priority"), n);
            }
            return new Counts(byStatus, byBoth);
        });
    }

    public Uni<Stats> stats(String queueId, Instant since) {
        Tuple args = Tuple.of(queueId, since.atOffset(ZoneOffset.UTC));
        return pool.preparedQuery(finished).execute(args).flatMap(endings -> {
            Map<String, Long> byStatus = new LinkedHashMap<>();
            endings.forEach(row -> byStatus.put(row.getString("status"), row.getLong("n")));
            return pool.preparedQuery(waits).execute(args).map(rows -> {
                Row row = rows.iterator().next();
                Number average = (Number) row.getValue("average");
                Number p90 = (Number) row.getValue("p90");
                return new Stats(byStatus, row.getLong("n"), average == null ? null : average.doubleValue(),
                        p90 == null ? null : p90.doubleValue());
            });
        });
    }

    /** Up to {@code limit} queues after {@code afterId} in id order, carrying every one of {@code tags}. */
    public Uni<List<Listed>> queues(List<String> tags, String afterId, int limit) {
        var query = tags.isEmpty() ? pool.preparedQuery(listing).execute(Tuple.of(afterId, limit))
                : pool.preparedQuery(listingByTags).execute(Tuple.of(afterId, limit, tags.toArray(String[]::new)));
        return query.map(rows -> {
            List<Listed> queues = new ArrayList<>();
            for (Row row : rows) {
                queues.add(new Listed(row.getString("queue_id"), row.getString("name"), row.getString("status"),
                        row.getLong("last_sequence"), List.of(row.getArrayOfStrings("tags"))));
            }
            return queues;
        });
    }
}
