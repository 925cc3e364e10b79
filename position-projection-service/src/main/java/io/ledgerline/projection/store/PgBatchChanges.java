package io.ledgerline.projection.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.jboss.logging.Logger;

import io.ledgerline.projection.model.Change;
import io.ledgerline.projection.model.EntryStatus;
import io.ledgerline.projection.model.Priority;
import io.ledgerline.projection.model.ProjectedEvent;
import io.ledgerline.projection.model.QueueStatus;

/**
 * The rows a batch of applied events leaves in PostgreSQL, folded in memory event by event as applying them one by
 * one would: the final row of each queue and of each entry it touched, and one history row per entry transition.
 * With one row per key, the upserts can run as batched statements whose order does not matter.
 */
final class PgBatchChanges {

    private static final Logger LOG = Logger.getLogger(PgBatchChanges.class);

    record QueueState(String queueId, String name, Integer capacity, QueueStatus status, long lastSequence,
            Instant updatedAt) {

        static QueueState unknown(String queueId) {
            return new QueueState(queueId, null, null, null, 0, null);
        }

        QueueState with(String name, Integer capacity, QueueStatus status, ProjectedEvent event) {
            return new QueueState(queueId, name, capacity, status, event.sequence(), event.occurredAt());
        }
    }

    record EntryKey(String queueId, String entryId) {
    }

    record EntryState(String queueId, String entryId, Priority priority, long ticket, EntryStatus status,
            Instant joinedAt, Instant calledAt, Instant finishedAt, long updatedSequence) {

        EntryKey key() {
            return new EntryKey(queueId, entryId);
        }

        EntryState with(EntryStatus status, Priority priority, Instant calledAt, Instant finishedAt, long sequence) {
            return new EntryState(queueId, entryId, priority, ticket, status, joinedAt, calledAt, finishedAt,
                    sequence);
        }
    }

    record HistoryRow(String queueId, String entryId, long sequence, String eventType, EntryStatus status,
            Priority priority, Instant occurredAt) {
    }

    private final Map<String, QueueState> queues = new TreeMap<>();
    private final Map<EntryKey, EntryState> entries;
    private final Set<EntryKey> changedEntries = new HashSet<>();
    private final List<HistoryRow> history = new ArrayList<>();

    private PgBatchChanges(Map<EntryKey, EntryState> loaded) {
        this.entries = new HashMap<>(loaded);
    }

    /**
     * Entries whose stored row the fold needs: those an event changes before (or without) joining in this batch.
     * A join overwrites the whole row, so entries that start with a join need not be read.
     */
    static Set<EntryKey> entriesToLoad(List<ProjectedEvent> applied) {
        Set<EntryKey> seen = new HashSet<>();
        Set<EntryKey> toLoad = new LinkedHashSet<>();
        for (ProjectedEvent event : applied) {
            String entryId = entryIdOf(event.change());
            if (entryId != null) {
                EntryKey key = new EntryKey(event.queueId(), entryId);
                if (seen.add(key) && !(event.change() instanceof Change.EntryJoined)) {
                    toLoad.add(key);
                }
            }
        }
        return toLoad;
    }

    /**
     * @param locked the queue rows of the batch as they were locked (queues without a row are absent)
     * @param loaded the stored rows of {@link #entriesToLoad} (entries without a row are absent)
     * @param applied the events to apply, in batch order, each the next of its queue
     */
    static PgBatchChanges fold(Map<String, QueueState> locked, Map<EntryKey, EntryState> loaded,
            List<ProjectedEvent> applied) {
        PgBatchChanges changes = new PgBatchChanges(loaded);
        for (ProjectedEvent event : applied) {
            QueueState before = changes.queues.computeIfAbsent(event.queueId(),
                    q -> locked.getOrDefault(q, QueueState.unknown(q)));
            changes.queues.put(event.queueId(), changes.apply(before, event));
        }
        return changes;
    }

    /** Final rows of the queues the batch advanced, by queue id. */
    List<QueueState> queues() {
        return List.copyOf(queues.values());
    }

    /** Final rows of the entries the batch changed, by key. */
    List<EntryState> entries() {
        return changedEntries.stream().map(entries::get)
                .sorted(Comparator.comparing(EntryState::queueId).thenComparing(EntryState::entryId))
                .toList();
    }

    /** History rows in batch order. */
    List<HistoryRow> history() {
        return List.copyOf(history);
    }

    private QueueState apply(QueueState queue, ProjectedEvent event) {
        return switch (event.change()) {
            case Change.QueueCreated c -> queue.with(c.name(), c.capacity(), QueueStatus.OPEN, event);
            case Change.QueueConfigured c -> queue.with(c.name(), c.capacity(), queue.status(), event);
            case Change.QueueStatusSet c -> queue.with(queue.name(), queue.capacity(), c.status(), event);
            case Change.EntryJoined c -> {
                // An entry id may join again after it finished: the row then starts over.
                save(new EntryState(queue.queueId(), c.entryId(), c.priority(), c.ticket(), EntryStatus.WAITING,
                        c.joinedAt(), null, null, event.sequence()), event);
                yield advanced(queue, event);
            }
            case Change.EntryCalled c -> update(queue, c.entryId(), event,
                    e -> e.with(EntryStatus.CALLED, e.priority(), c.calledAt(), e.finishedAt(), event.sequence()));
            case Change.EntryFinished c -> update(queue, c.entryId(), event,
                    e -> e.with(c.status(), e.priority(), e.calledAt(), c.finishedAt(), event.sequence()));
            case Change.EntryRequeued c -> update(queue, c.entryId(), event,
                    e -> e.with(EntryStatus.WAITING, e.priority(), null, e.finishedAt(), event.sequence()));
            case Change.EntryPriorityChanged c -> update(queue, c.entryId(), event,
                    e -> e.with(e.status(), c.priority(), e.calledAt(), e.finishedAt(), event.sequence()));
        };
    }

    private QueueState update(QueueState queue, String entryId, ProjectedEvent event,
            UnaryOperator<EntryState> transition) {
        EntryState entry = entries.get(new EntryKey(queue.queueId(), entryId));
        if (entry == null) {
            // The command side never emits this; advance the sequence anyway: the log is the truth.
            LOG.warnf("Queue %s event %d (%s) names unknown entry %s", queue.queueId(), event.sequence(),
                    event.eventType(), entryId);
        } else {
            save(transition.apply(entry), event);
        }
        return advanced(queue, event);
    }

    private void save(EntryState entry, ProjectedEvent event) {
        entries.put(entry.key(), entry);
        changedEntries.add(entry.key());
        history.add(new HistoryRow(entry.queueId(), entry.entryId(), event.sequence(), event.eventType(),
                entry.status(), entry.priority(), event.occurredAt()));
    }

    private static QueueState advanced(QueueState queue, ProjectedEvent event) {
        return queue.with(queue.name(), queue.capacity(), queue.status(), event);
    }

    private static String entryIdOf(Change change) {
        return switch (change) {
            case Change.EntryJoined c -> c.entryId();
            case Change.EntryCalled c -> c.entryId();
            case Change.EntryFinished c -> c.entryId();
            case Change.EntryRequeued c -> c.entryId();
            case Change.EntryPriorityChanged c -> c.entryId();
            case Change.QueueCreated c -> null;
            case Change.QueueConfigured c -> null;
            case Change.QueueStatusSet c -> null;
        };
    }
}
