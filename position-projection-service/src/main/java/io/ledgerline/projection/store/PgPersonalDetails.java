package io.ledgerline.projection.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.ledgerline.projection.ProjectionConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * People's details by the opaque reference their entries carry: the one place they are kept, so that erasing a
 * person is deleting a row, while the log (which names only the reference) stays whole.
 */
@ApplicationScoped
public class PgPersonalDetails {

    private final Pool pool;
    private final String upsert;
    private final String select;
    private final String delete;

    public PgPersonalDetails(Pool pool, ProjectionConfig config) {
        this.pool = pool;
        String table = config.pgSchema() + ".personal_details";
        this.upsert = "INSERT INTO " + table + " (person_ref, details, updated_at) VALUES ($1, $2, $3)"
                + " ON CONFLICT (person_ref) DO UPDATE SET details = EXCLUDED.details, updated_at = EXCLUDED.updated_at";
        this.select = "SELECT details FROM " + table + " WHERE person_ref = $1";
        this.delete = "DELETE FROM " + table + " WHERE person_ref = $1";
    }

    public Uni<Void> put(String personRef, Map<String, String> details, Instant at) {
        return pool.preparedQuery(upsert).execute(Tuple.of(personRef, new JsonObject(Map.copyOf(details)),
                at.atOffset(ZoneOffset.UTC))).replaceWithVoid();
    }

    public Uni<Optional<Map<String, String>>> get(String personRef) {
        return pool.preparedQuery(select).execute(Tuple.of(personRef)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Map<String, String> details = new LinkedHashMap<>();
            rows.iterator().next().getJsonObject("details").forEach(e -> details.put(e.getKey(), (String) e.getValue()));
            return Optional.of(details);
        });
    }

    /** Whether there was anything to erase. */
    public Uni<Boolean> erase(String personRef) {
        return pool.preparedQuery(delete).execute(Tuple.of(personRef)).map(rows -> rows.rowCount() > 0);
    }
}
