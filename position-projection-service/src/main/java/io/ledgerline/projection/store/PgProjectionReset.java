package io.ledgerline.projection.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.ledgerline.log.QueuePartitioner;
import io.ledgerline.projection.ProjectionConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.smallrye.mutiny.Uni;

/**
 * Epoch markers (one per partition of the events topic) and wipes of the PostgreSQL side, through the plain reactive
 * pool (no Hibernate session is needed, and these run on the Kafka polling thread). Blocking by design.
 */
@ApplicationScoped
public class PgProjectionReset {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    /** Every read-model table keyed by queue; personal details are not part of the read model. */
    private static final List<String> QUEUE_TABLES = List.of("queues", "queue_tags", "entries", "entry_history",
            "queue_history");

    private final Pool pool;
    private final String schema;

    public PgProjectionReset(Pool pool, ProjectionConfig config) {
        this.pool = pool;
        this.schema = config.pgSchema();
    }

    /** Partition → epoch of every partition that has a marker. */
    public Map<Integer, String> epochs() {
        Map<Integer, String> epochs = new HashMap<>();
        for (Row row : pool.query("SELECT partition, epoch FROM " + schema + ".partition_epochs").execute()
                .await().atMost(TIMEOUT)) {
            epochs.put(row.getInteger("partition"), row.getString("epoch"));
        }
        return epochs;
    }

    /**
     * Empties the read model of the queues of {@code partitions}, their markers included, in one transaction: every
     * table at once when they are all the partitions there are, otherwise row by row of those queues.
     */
    public void wipe(Set<Integer> partitions, int partitionCount) {
        if (partitions.size() == partitionCount) {
            List<String> tables = new ArrayList<>(QUEUE_TABLES);
            tables.add("partition_epochs");
            String all = String.join(", ", tables.stream().map(t -> schema + "." + t).toList());
            pool.withTransaction(conn -> conn.query("TRUNCATE " + all).execute()).await().atMost(TIMEOUT);
            return;
        }
        pool.withTransaction(conn -> queueIds(conn).flatMap(ids -> {
            String[] wiped = ids.stream()
                    .filter(id -> partitions.contains(QueuePartitioner.partitionOf(id, partitionCount)))
                    .toArray(String[]::new);
            Uni<?> step = conn.preparedQuery("DELETE FROM " + schema + ".partition_epochs WHERE partition = ANY($1)")
                    .execute(Tuple.of(partitions.toArray(Integer[]::new)));
            for (String table : QUEUE_TABLES) {
                step = step.flatMap(ignored -> conn.preparedQuery(
                        "DELETE FROM " + schema + "." + table + " WHERE queue_id = ANY($1)")
                        .execute(Tuple.of(wiped)));
            }
            return step;
        })).await().atMost(TIMEOUT);
    }

    /** Every queue with a row in any table: one may have history and no queue row (its creation dead-lettered). */
    private Uni<List<String>> queueIds(SqlConnection conn) {
        String union = String.join(" UNION ", QUEUE_TABLES.stream()
                .map(t -> "SELECT DISTINCT queue_id FROM " + schema + "." + t).toList());
        return conn.query(union).execute().map(rows -> {
            List<String> ids = new ArrayList<>();
            rows.forEach(row -> ids.add(row.getString(0)));
            return ids;
        });
    }

    public void writeEpoch(Set<Integer> partitions, String epoch) {
        pool.withTransaction(conn -> conn.preparedQuery("INSERT INTO " + schema + ".partition_epochs (partition, epoch,"
                + " created_at) SELECT p, $2, now() FROM unnest($1::int[]) AS p ON CONFLICT (partition) DO UPDATE SET"
                + " epoch = EXCLUDED.epoch, created_at = EXCLUDED.created_at")
                .execute(Tuple.of(partitions.toArray(Integer[]::new), epoch)))
                .await().atMost(TIMEOUT);
    }

    /** Drops every partition's marker: each partition's owner rebuilds it when it next looks. */
    public void forgetEpochs() {
        pool.query("DELETE FROM " + schema + ".partition_epochs").execute().await().atMost(TIMEOUT);
    }
}
