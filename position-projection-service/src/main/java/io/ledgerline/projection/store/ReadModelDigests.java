package io.ledgerline.projection.store;

import io.ledgerline.projection.ProjectionConfig;
import io.ledgerline.projection.model.EntryStatus;
import io.ledgerline.queue.QueueDigest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A queue's digest as the read models show it ({@link QueueDigest}): the waiting line in Redis' order, the other
 * active entries with their statuses from PostgreSQL, the queue's status. PostgreSQL and Redis are read one after
 * the other; the pair counts only when both reflect the same sequence, else it is read again.
 */
@ApplicationScoped
public class ReadModelDigests {

    /** The digest of a queue at {@code sequence}, with the lines it was computed from (for one leaf's comparison). */
    public record Computed(String queueId, long sequence, QueueDigest.Digest digest, QueueDigest.Builder lines) {}

    private static final int ATTEMPTS = 50;

    private final Pool pool;
    private final RedisLineReads line;
    private final String query;
    private final String[] active = Arrays.stream(EntryStatus.values()).filter(s -> !s.isFinal()).map(Enum::name)
            .toArray(String[]::new);

    public ReadModelDigests(Pool pool, RedisLineReads line, ProjectionConfig config) {
        this.pool = pool;
        this.line = line;
        String s = config.pgSchema();
        // One statement, so one snapshot: the queue's row and its active entries as of the same commit.
        this.query = "SELECT q.status AS queue_status, q.last_sequence, e.entry_id, e.status, e.priority FROM " + s
                + ".queues q LEFT JOIN " + s + ".entries e ON e.queue_id = q.queue_id AND e.status = ANY($2)"
                + " WHERE q.queue_id = $1";
    }

    /** Empty when the read models do not know the queue; fails when they keep moving apart for every attempt. */
    public Uni<Optional<Computed>> of(String queueId) {
        return attempt(queueId, 1);
    }

    private Uni<Optional<Computed>> attempt(String queueId, int attempt) {
        return pool.preparedQuery(query).execute(Tuple.of(queueId, active)).flatMap(rows -> {
            if (rows.size() == 0) {
                return Uni.createFrom().item(Optional.<Computed>empty());
            }
            Map<String, Row> entries = new HashMap<>();
            String[] queueStatus = {null};
            long[] pgSequence = {0};
            rows.forEach(row -> {
                queueStatus[0] = row.getString("queue_status");
                pgSequence[0] = row.getLong("last_sequence");
                if (row.getString("entry_id") != null) {
                    entries.put(row.getString("entry_id"), row);
                }
            });
            return line.page(queueId, "", "", Integer.MAX_VALUE).flatMap(page -> {
                if (page.sequence() != pgSequence[0]) {
                    if (attempt >= ATTEMPTS) {
                        return Uni.createFrom().failure(new IllegalStateException("queue " + queueId
                                + " kept moving: PostgreSQL at " + pgSequence[0] + ", Redis at " + page.sequence()));
                    }
                    return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(20))
                            .flatMap(v -> attempt(queueId, attempt + 1));
                }
                QueueDigest.Builder lines = new QueueDigest.Builder(queueStatus[0] == null ? "NONE" : queueStatus[0]);
                Set<String> inLine = new HashSet<>();
                page.ranks().forEach(rank -> {
                    Row row = entries.get(rank.entryId());
                    lines.waiting(rank.entryId(), row == null ? "UNKNOWN" : row.getString("priority"));
                    inLine.add(rank.entryId());
                });
                // An entry PostgreSQL calls WAITING but Redis does not rank shows here, so the digests differ.
                entries.forEach((id, row) -> {
                    if (!inLine.contains(id)) {
                        lines.other(id, row.getString("status"), row.getString("priority"));
                    }
                });
                return Uni.createFrom().item(Optional.of(new Computed(queueId, page.sequence(), lines.build(), lines)));
            });
        });
    }
}
