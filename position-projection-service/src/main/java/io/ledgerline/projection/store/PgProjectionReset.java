package io.ledgerline.projection.store;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.ledgerline.projection.ProjectionConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Epoch marker and wipe of the PostgreSQL side, through the plain reactive pool (no Hibernate session is needed,
 * and these run on the Kafka polling thread). Blocking by design.
 */
@ApplicationScoped
public class PgProjectionReset {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Pool pool;
    private final String schema;

    public PgProjectionReset(Pool pool, ProjectionConfig config) {
        this.pool = pool;
        this.schema = config.pgSchema();
    }

    public Optional<String> epoch() {
        var rows = pool.query("SELECT epoch FROM " + schema + ".projection_epoch").execute().await().atMost(TIMEOUT);
        var it = rows.iterator();
        return it.hasNext() ? Optional.of(it.next().getString("epoch")) : Optional.empty();
    }

    /** Empties every read-model table and the marker, in one transaction. */
    public void wipe() {
        String tables = String.join(", ", schema + ".queues", schema + ".queue_tags", schema + ".entries",
                schema + ".entry_history", schema + ".queue_history", schema + ".projection_epoch");
        pool.withTransaction(conn -> conn.query("TRUNCATE " + tables).execute()).await().atMost(TIMEOUT);
    }

    public void writeEpoch(String epoch) {
        pool.withTransaction(conn -> conn.query("DELETE FROM " + schema + ".projection_epoch").execute()
                .flatMap(ignored -> conn.preparedQuery(
                        "INSERT INTO " + schema + ".projection_epoch (epoch, created_at) VALUES ($1, now())")
                        .execute(Tuple.of(epoch))))
                .await().atMost(TIMEOUT);
    }
}
