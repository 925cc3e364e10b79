package io.ledgerline.projection.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;

import io.ledgerline.projection.ProjectionConfig;
import io.ledgerline.projection.model.ApplyOutcome;
import io.ledgerline.projection.model.BatchSequenceCheck;
import io.ledgerline.projection.model.EntryStatus;
import io.ledgerline.projection.model.Priority;
import io.ledgerline.projection.model.ProjectedEvent;
import io.ledgerline.projection.model.QueueStatus;
import io.ledgerline.projection.model.SequenceCheck;
import io.ledgerline.projection.store.PgBatchChanges.EntryKey;
import io.ledgerline.projection.store.PgBatchChanges.HistoryRow;
import io.ledgerline.projection.store.PgBatchChanges.QueueHistoryRow;
import io.ledgerline.projection.store.PgBatchChanges.QueueState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Queues and entries in PostgreSQL, written a batch at a time in one transaction: lock the batch's queue rows (in
 * queue id order, so two writers could never deadlock), check the sequences in memory, read the entries the batch
 * changes, fold the events into final rows, then upsert queues and entries and append history, each as one
 * statement. The plain reactive client: no entity or session per row.
 */
@ApplicationScoped
public class PgBatchStore {

    private final Pool pool;
    private final String lockQueues;
    private final String selectEntries;
    private final String upsertQueue;
    private final String upsertEntry;
    private final String insertHistory;
    private final String insertQueueHistory;
    private final String deleteTags;
    private final String insertTags;

    public PgBatchStore(Pool pool, ProjectionConfig config) {
        this.pool = pool;
        String s = config.pgSchema();
        this.lockQueues = "SELECT queue_id, name, capacity, status, last_sequence, updated_at, opens_at, closes_at"
                + " FROM " + s + ".queues WHERE queue_id = ANY($1) ORDER BY queue_id FOR UPDATE";
        this.selectEntries = "SELECT e.queue_id, e.entry_id, e.priority, e.ticket, e.status, e.entry_number,"
                + " e.joined_at, e.called_at, e.counter, e.finished_at, e.held_until, e.attempts, e.updated_sequence,"
                + " e.served_elsewhere FROM " + s + ".entries e"
                + " JOIN unnest($1::text[], $2::text[]) AS k(queue_id, entry_id)"
                + " ON e.queue_id = k.queue_id AND e.entry_id = k.entry_id";
        this.deleteTags = "DELETE FROM " + s + ".queue_tags WHERE queue_id = ANY($1)";
        this.insertTags = "INSERT INTO " + s + ".queue_tags (queue_id, tag) SELECT * FROM unnest($1::text[], $2::text[])";
        this.upsertQueue = "INSERT INTO " + s + ".queues (queue_id, name, capacity, status, last_sequence, updated_at,"
                + " opens_at, closes_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (queue_id) DO UPDATE"
                + " SET name = EXCLUDED.name, capacity = EXCLUDED.capacity, status = EXCLUDED.status,"
                + " last_sequence = EXCLUDED.last_sequence, updated_at = EXCLUDED.updated_at,"
                + " opens_at = EXCLUDED.opens_at, closes_at = EXCLUDED.closes_at";
        // Entries and history go in as arrays, one statement each whatever the batch's size: a row per execution of
        // a prepared statement cost PostgreSQL several times more CPU per event. The fold leaves one row per entry,
        // so the upsert never meets the same key twice. An array column cannot be one element of an array argument
        // (PostgreSQL's arrays are rectangular, and unnest flattens them): each row's services elsewhere come as one
        // text, their references separated by spaces (no id holds one), split back here.
        this.upsertEntry = "INSERT INTO " + s + ".entries (queue_id, entry_id, priority, ticket, status, entry_number,"
                + " joined_at, called_at, counter, finished_at, held_until, attempts, updated_sequence,"
                + " served_elsewhere)"
                + " SELECT q, e, p, t, st, n, j, c, co, f, h, a, u, string_to_array(se, ' ')"
                + " FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[],"
                + " $7::timestamptz[], $8::timestamptz[], $9::text[], $10::timestamptz[], $11::timestamptz[],"
                + " $12::int[], $13::bigint[], $14::text[]) AS r(q, e, p, t, st, n, j, c, co, f, h, a, u, se)"
                + " ON CONFLICT (queue_id, entry_id) DO UPDATE SET priority = EXCLUDED.priority,"
                + " ticket = EXCLUDED.ticket, status = EXCLUDED.status, entry_number = EXCLUDED.entry_number,"
                + " joined_at = EXCLUDED.joined_at, called_at = EXCLUDED.called_at, counter = EXCLUDED.counter,"
                + " finished_at = EXCLUDED.finished_at, held_until = EXCLUDED.held_until,"
                + " attempts = EXCLUDED.attempts, updated_sequence = EXCLUDED.updated_sequence,"
                + " served_elsewhere = EXCLUDED.served_elsewhere";
        this.insertHistory = "INSERT INTO " + s + ".entry_history (queue_id, entry_id, sequence, event_type, status,"
                + " priority, occurred_at, actor, detail) SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[],"
                + " $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::text[], $9::text[])";
        this.insertQueueHistory = "INSERT INTO " + s + ".queue_history (queue_id, sequence, event_type, status, actor,"
                + " detail, occurred_at) SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[],"
                + " $5::text[], $6::text[], $7::timestamptz[])";
    }

    /** What PostgreSQL did with each event, in the events' order. */
    public Uni<List<ApplyOutcome>> apply(List<ProjectedEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String[] queueIds = events.stream().map(ProjectedEvent::queueId).distinct().sorted().toArray(String[]::new);
        return pool.withTransaction(conn -> conn.preparedQuery(lockQueues)
                .execute(Tuple.tuple().addArrayOfString(queueIds))
                .flatMap(rows -> {
                    Map<String, QueueState> locked = queueStates(rows);
                    Map<String, Long> last = new HashMap<>();
                    locked.forEach((id, queue) -> last.put(id, queue.lastSequence()));
                    List<ApplyOutcome> outcomes = BatchSequenceCheck.of(last, events);
                    List<ProjectedEvent> applied = IntStream.range(0, events.size())
                            .filter(i -> outcomes.get(i).check() == SequenceCheck.APPLY)
                            .mapToObj(events::get).toList();
                    if (applied.isEmpty()) {
                        return Uni.createFrom().item(outcomes);
                    }
                    return loadEntries(conn, PgBatchChanges.entriesToLoad(applied))
                            .map(loaded -> PgBatchChanges.fold(locked, loaded, applied))
                            .flatMap(changes -> write(conn, changes))
                            .replaceWith(outcomes);
                }));
    }

    private Uni<Map<EntryKey, EntryState>> loadEntries(SqlConnection conn, Set<EntryKey> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String[] queueIds = keys.stream().map(EntryKey::queueId).toArray(String[]::new);
        String[] entryIds = keys.stream().map(EntryKey::entryId).toArray(String[]::new);
        return conn.preparedQuery(selectEntries)
                .execute(Tuple.tuple().addArrayOfString(queueIds).addArrayOfString(entryIds))
                .map(rows -> {
                    Map<EntryKey, EntryState> loaded = new HashMap<>();
                    for (Row row : rows) {
                        EntryState entry = entryState(row);
                        loaded.put(entry.key(), entry);
                    }
                    return loaded;
                });
    }

    private Uni<Void> write(SqlConnection conn, PgBatchChanges changes) {
        List<Tuple> queues = changes.queues().stream().map(q -> tuple(q.queueId(), q.name(), q.capacity(),
                name(q.status()), q.lastSequence(), time(q.updatedAt()), time(q.opensAt()), time(q.closesAt())))
                .toList();
        List<EntryState> e = changes.entries();
        Tuple entries = Tuple.tuple()
                .addArrayOfString(column(e, EntryState::queueId, String[]::new))
                .addArrayOfString(column(e, EntryState::entryId, String[]::new))
                .addArrayOfString(column(e, x -> x.priority().name(), String[]::new))
                .addArrayOfLong(column(e, EntryState::ticket, Long[]::new))
                .addArrayOfString(column(e, x -> x.status().name(), String[]::new))
                .addArrayOfString(column(e, EntryState::number, String[]::new))
                .addArrayOfOffsetDateTime(column(e, x -> time(x.joinedAt()), OffsetDateTime[]::new))
                .addArrayOfOffsetDateTime(column(e, x -> time(x.calledAt()), OffsetDateTime[]::new))
                .addArrayOfString(column(e, EntryState::counter, String[]::new))
                .addArrayOfOffsetDateTime(column(e, x -> time(x.finishedAt()), OffsetDateTime[]::new))
                .addArrayOfOffsetDateTime(column(e, x -> time(x.heldUntil()), OffsetDateTime[]::new))
                .addArrayOfInteger(column(e, EntryState::attempts, Integer[]::new))
                .addArrayOfLong(column(e, EntryState::updatedSequence, Long[]::new))
                .addArrayOfString(column(e, x -> String.join(" ", x.servedElsewhere()), String[]::new));
        List<HistoryRow> h = changes.history();
        Tuple history = Tuple.tuple()
                .addArrayOfString(column(h, HistoryRow::queueId, String[]::new))
                .addArrayOfString(column(h, HistoryRow::entryId, String[]::new))
                .addArrayOfLong(column(h, HistoryRow::sequence, Long[]::new))
                .addArrayOfString(column(h, HistoryRow::eventType, String[]::new))
                .addArrayOfString(column(h, x -> x.status().name(), String[]::new))
                .addArrayOfString(column(h, x -> x.priority().name(), String[]::new))
                .addArrayOfOffsetDateTime(column(h, x -> time(x.occurredAt()), OffsetDateTime[]::new))
                .addArrayOfString(column(h, HistoryRow::actor, String[]::new))
                .addArrayOfString(column(h, HistoryRow::detail, String[]::new));
        List<QueueHistoryRow> qh = changes.queueHistory();
        Tuple queueHistory = Tuple.tuple()
                .addArrayOfString(column(qh, QueueHistoryRow::queueId, String[]::new))
                .addArrayOfLong(column(qh, QueueHistoryRow::sequence, Long[]::new))
                .addArrayOfString(column(qh, QueueHistoryRow::eventType, String[]::new))
                .addArrayOfString(column(qh, x -> x.status() == null ? null : x.status().name(), String[]::new))
                .addArrayOfString(column(qh, QueueHistoryRow::actor, String[]::new))
                .addArrayOfString(column(qh, QueueHistoryRow::detail, String[]::new))
                .addArrayOfOffsetDateTime(column(qh, x -> time(x.occurredAt()), OffsetDateTime[]::new));
        return executeBatch(conn, upsertQueue, queues)
                .flatMap(ignored -> writeTags(conn, changes.tags()))
                .flatMap(ignored -> e.isEmpty() ? Uni.createFrom().voidItem() : execute(conn, upsertEntry, entries))
                .flatMap(ignored -> h.isEmpty() ? Uni.createFrom().voidItem() : execute(conn, insertHistory, history))
                .flatMap(ignored -> qh.isEmpty() ? Uni.createFrom().voidItem()
                        : execute(conn, insertQueueHistory, queueHistory));
    }

    /** A queue's tags are replaced whole: the ones it no longer carries go, the new ones come. */
    private Uni<Void> writeTags(SqlConnection conn, Map<String, List<String>> tags) {
        if (tags.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> queueIds = new java.util.ArrayList<>();
        List<String> tagged = new java.util.ArrayList<>();
        tags.forEach((queueId, list) -> list.forEach(tag -> {
            queueIds.add(queueId);
            tagged.add(tag);
        }));
        Uni<Void> deleted = execute(conn, deleteTags, Tuple.tuple().addArrayOfString(tags.keySet().toArray(String[]::new)));
        return queueIds.isEmpty() ? deleted : deleted.flatMap(ignored -> execute(conn, insertTags,
                Tuple.tuple().addArrayOfString(queueIds.toArray(String[]::new))
                        .addArrayOfString(tagged.toArray(String[]::new))));
    }

    private static <R, T> T[] column(List<R> rows, Function<R, T> value, IntFunction<T[]> array) {
        T[] column = array.apply(rows.size());
        for (int i = 0; i < column.length; i++) {
            column[i] = value.apply(rows.get(i));
        }
        return column;
    }

    private static Uni<Void> execute(SqlConnection conn, String sql, Tuple arrays) {
        return conn.preparedQuery(sql).execute(arrays).replaceWithVoid();
    }

    private static Uni<Void> executeBatch(SqlConnection conn, String sql, List<Tuple> tuples) {
        if (tuples.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery(sql).executeBatch(tuples).replaceWithVoid();
    }

    private static Map<String, QueueState> queueStates(RowSet<Row> rows) {
        Map<String, QueueState> locked = new HashMap<>();
        for (Row row : rows) {
            String status = row.getString("status");
            locked.put(row.getString("queue_id"), new QueueState(row.getString("queue_id"), row.getString("name"),
                    row.getInteger("capacity"), status == null ? null : QueueStatus.valueOf(status),
                    row.getLong("last_sequence"), instant(row.getOffsetDateTime("updated_at")),
                    instant(row.getOffsetDateTime("opens_at")), instant(row.getOffsetDateTime("closes_at"))));
        }
        return locked;
    }

    private static EntryState entryState(Row row) {
        return new EntryState(row.getString("queue_id"), row.getString("entry_id"),
                Priority.valueOf(row.getString("priority")), row.getLong("ticket"),
                EntryStatus.valueOf(row.getString("status")), row.getString("entry_number"),
                instant(row.getOffsetDateTime("joined_at")), instant(row.getOffsetDateTime("called_at")),
                row.getString("counter"), instant(row.getOffsetDateTime("finished_at")),
                instant(row.getOffsetDateTime("held_until")), row.getInteger("attempts"),
                row.getLong("updated_sequence"), List.of(row.getArrayOfStrings("served_elsewhere")));
    }

    private static Tuple tuple(Object... values) {
        // Arrays.asList, not List.of: columns such as called_at or capacity may be null.
        return Tuple.from(Arrays.asList(values));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
