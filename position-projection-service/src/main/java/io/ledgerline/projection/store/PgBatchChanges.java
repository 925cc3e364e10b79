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
import io.ledgerline.projection.model.Planned;
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

    /** {@code opensAt} and {@code closesAt}: the queue's plan, each null when nothing of the kind is ahead. */
    record QueueState(String queueId, String name, Integer capacity, QueueStatus status, long lastSequence,
            Instant updatedAt, Instant opensAt, Instant closesAt) {

        static QueueState unknown(String queueId) {
            return new QueueState(queueId, null, null, null, 0, null, null, null);
        }

        QueueState with(String name, Integer capacity, QueueStatus status, ProjectedEvent event) {
            return new QueueState(queueId, name, capacity, status, event.sequence(), event.occurredAt(), opensAt,
                    closesAt);
        }

        /** The queue is in {@code status} now; a planned instant it {@code consumes} is no longer ahead. */
        QueueState in(QueueStatus status, Planned consumes, ProjectedEvent event) {
            return with(name, capacity, status, event).consumed(consumes);
        }

        QueueState planned(Instant opens, Instant closes) {
            return new QueueState(queueId, name, capacity, status, lastSequence, updatedAt, opens, closes);
        }

        /** A planned opening or closing that took place, or lapsed, is no longer ahead. */
        QueueState consumed(Planned planned) {
            if (planned == null) {
                return this;
            }
            return switch (planned) {
                case OPENING -> planned(null, closesAt);
                case CLOSING -> planned(opensAt, null);
            };
        }
    }

    record EntryKey(String queueId, String entryId) {
    }

    record HistoryRow(String queueId, String entryId, long sequence, String eventType, EntryStatus status,
            Priority priority, Instant occurredAt, String actor, String detail) {
    }

    /** A change of the queue itself (created, configured, paused, closed, planned...), for its audit trail. */
    record QueueHistoryRow(String queueId, long sequence, String eventType, QueueStatus status, String actor,
            String detail, Instant occurredAt) {
    }

    private final Map<String, QueueState> queues = new TreeMap<>();
    private final Map<String, List<String>> tags = new TreeMap<>();
    private final Map<EntryKey, EntryState> entries;
    private final Set<EntryKey> changedEntries = new HashSet<>();
    private final List<HistoryRow> history = new ArrayList<>();
    private final List<QueueHistoryRow> queueHistory = new ArrayList<>();

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
            for (String entryId : entryIdsOf(event.change())) {
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
            QueueState after = changes.apply(before, event);
            changes.queues.put(event.queueId(), after);
            if (isQueueChange(event.change())) {
                changes.queueHistory.add(new QueueHistoryRow(event.queueId(), event.sequence(), event.eventType(),
                        after.status(), event.actor(), event.detail(), event.occurredAt()));
            }
        }
        return changes;
    }

    private static boolean isQueueChange(Change change) {
        return change instanceof Change.QueueCreated || change instanceof Change.QueueConfigured
                || change instanceof Change.QueueStatusSet || change instanceof Change.QueueClosed
                || change instanceof Change.QueueScheduled || change instanceof Change.ScheduleLapsed;
    }

    /** Final rows of the queues the batch advanced, by queue id. */
    List<QueueState> queues() {
        return List.copyOf(queues.values());
    }

    /** The tags of the queues the batch created or configured, the last ones of each. */
    Map<String, List<String>> tags() {
        return Map.copyOf(tags);
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

    /** The queues' own changes, in batch order. */
    List<QueueHistoryRow> queueHistory() {
        return List.copyOf(queueHistory);
    }

    private QueueState apply(QueueState queue, ProjectedEvent event) {
        return switch (event.change()) {
            case Change.QueueCreated c -> {
                tags.put(queue.queueId(), c.tags());
                yield queue.with(c.name(), c.capacity(), QueueStatus.OPEN, event);
            }
            case Change.QueueConfigured c -> {
                tags.put(queue.queueId(), c.tags());
                yield queue.with(c.name(), c.capacity(), queue.status(), event);
            }
            case Change.QueueStatusSet c -> queue.in(c.status(), c.consumes(), event);
            case Change.QueueClosed c -> closeOut(queue.in(QueueStatus.CLOSED, c.consumes(), event), c.closedOut(),
                    event);
            case Change.EntriesClosedOut c -> closeOut(queue, c, event);
            case Change.QueueScheduled c -> advanced(queue, event).planned(c.opensAt(), c.closesAt());
            case Change.ScheduleLapsed c -> advanced(queue, event).consumed(c.consumes());
            case Change.EntryOverflowed c -> advanced(queue, event);
            case Change.EntryJoined c -> {
                // An entry id may join again after it finished: the row then starts over.
                save(EntryState.joined(queue.queueId(), c, event.sequence()), event);
                yield advanced(queue, event);
            }
            case Change.EntryCalled c -> update(queue, c.entryId(), event, e -> e.called(c, event.sequence()));
            case Change.EntryFinished c -> update(queue, c.entryId(), event,
                    e -> e.finished(c.status(), c.finishedAt(), event.sequence()));
            case Change.EntryRequeued c -> update(queue, c.entryId(), event, e -> e.waiting(event.sequence()));
            case Change.EntryPriorityChanged c -> update(queue, c.entryId(), event,
                    e -> e.reprioritised(c.priority(), event.sequence()));
            case Change.EntryFailed c -> update(queue, c.entryId(), event, e -> e.failed(c, event.sequence()));
            case Change.EntryReleased c -> update(queue, c.entryId(), event, e -> released(e, event));
            case Change.EntryTransferring c -> update(queue, c.entryId(), event, e -> e.transferring(event.sequence()));
            case Change.EntryAdmitted c -> update(queue, c.entryId(), event, e -> e.admitted(c, event.sequence()));
            // Places are Redis' concern; the rows (status, priority) do not change.
            case Change.EntriesReordered c -> advanced(queue, event);
            case Change.SequenceOnly c -> advanced(queue, event);
            case Change.EntryTransferReturned c -> update(queue, c.entryId(), event, e -> e.waiting(event.sequence()));
            case Change.EntryHeldForServiceElsewhere c -> update(queue, c.entryId(), event,
                    e -> heldElsewhere(e, c, event));
            case Change.EntryBackFromServiceElsewhere c -> update(queue, c.entryId(), event,
                    e -> e.status() == EntryStatus.SERVED_ELSEWHERE ? e.backFromElsewhere(c, event.sequence())
                            : unchanged(e, event));
        };
    }

    /** @param transition the entry's next row, or null when the event leaves it as it is */
    private QueueState update(QueueState queue, String entryId, ProjectedEvent event,
            UnaryOperator<EntryState> transition) {
        updateEntry(queue.queueId(), entryId, event, transition);
        return advanced(queue, event);
    }

    private void updateEntry(String queueId, String entryId, ProjectedEvent event,
            UnaryOperator<EntryState> transition) {
        EntryState entry = entries.get(new EntryKey(queueId, entryId));
        if (entry == null) {
            // The command side never emits this; advance the sequence anyway: the log is the truth.
            LOG.warnf("Queue %s event %d (%s) names unknown entry %s", queueId, event.sequence(), event.eventType(),
                    entryId);
        } else {
            EntryState changed = transition.apply(entry);
            if (changed != null) {
                save(changed, event);
            }
        }
    }

    /**
     * Each named entry ends CLOSED_OUT, as any finished entry does, with a history row each under the closing's one
     * sequence; the whole list is part of the batch's one upsert of entries and one insert of history.
     */
    private QueueState closeOut(QueueState queue, Change.EntriesClosedOut closedOut, ProjectedEvent event) {
        for (String entryId : closedOut.entryIds()) {
            updateEntry(queue.queueId(), entryId, event,
                    e -> e.finished(EntryStatus.CLOSED_OUT, closedOut.closedAt(), event.sequence()));
        }
        return advanced(queue, event);
    }

    /**
     * Redis puts a released entry back in the line only while it is active (it forgets the scores of finished
     * entries), so a release of a finished entry, which the command side never emits, changes no row here either:
     * both stores keep agreeing. One whose person is served elsewhere stays out of the line until back.
     */
    private static EntryState released(EntryState entry, ProjectedEvent event) {
        if (entry.status().isFinal()) {
            LOG.warnf("Queue %s event %d releases entry %s, which is %s; left as it is", entry.queueId(),
                    event.sequence(), entry.entryId(), entry.status());
            return null;
        }
        if (entry.status() == EntryStatus.SERVED_ELSEWHERE) {
            return entry.releasedWhileServedElsewhere(event.sequence());
        }
        return entry.waiting(event.sequence());
    }

    /** The domain holds only waiting entries: in the line, HELD, or already held for another service elsewhere. */
    private static EntryState heldElsewhere(EntryState entry, Change.EntryHeldForServiceElsewhere c,
            ProjectedEvent event) {
        return switch (entry.status()) {
            case WAITING, HELD, SERVED_ELSEWHERE -> entry.heldElsewhere(c.service(), event.sequence());
            default -> unchanged(entry, event);
        };
    }

    /**
     * A hold of an entry that is not waiting, or a return of one that is not held, which the command side never
     * writes: logged and left as it is (Redis, likewise, brings back only an entry it holds).
     */
    private static EntryState unchanged(EntryState entry, ProjectedEvent event) {
        LOG.warnf("Queue %s event %d (%s) does not apply to entry %s, which is %s; left as it is", entry.queueId(),
                event.sequence(), event.eventType(), entry.entryId(), entry.status());
        return null;
    }

    private void save(EntryState entry, ProjectedEvent event) {
        entries.put(entry.key(), entry);
        changedEntries.add(entry.key());
        history.add(new HistoryRow(entry.queueId(), entry.entryId(), event.sequence(), event.eventType(),
                entry.status(), entry.priority(), event.occurredAt(), event.actor(), event.detail()));
    }

    private static QueueState advanced(QueueState queue, ProjectedEvent event) {
        return queue.with(queue.name(), queue.capacity(), queue.status(), event);
    }

    private static List<String> entryIdsOf(Change change) {
        return switch (change) {
            case Change.EntryJoined c -> List.of(c.entryId());
            case Change.EntryCalled c -> List.of(c.entryId());
            case Change.EntryFinished c -> List.of(c.entryId());
            case Change.EntryRequeued c -> List.of(c.entryId());
            case Change.EntryPriorityChanged c -> List.of(c.entryId());
            case Change.EntryFailed c -> List.of(c.entryId());
            case Change.EntryReleased c -> List.of(c.entryId());
            case Change.EntryTransferring c -> List.of(c.entryId());
            case Change.EntryAdmitted c -> List.of(c.entryId());
            case Change.EntriesReordered c -> List.of();
            case Change.SequenceOnly c -> List.of();
            case Change.EntryTransferReturned c -> List.of(c.entryId());
            case Change.EntryHeldForServiceElsewhere c -> List.of(c.entryId());
            case Change.EntryBackFromServiceElsewhere c -> List.of(c.entryId());
            case Change.QueueClosed c -> c.closedOut().entryIds();
            case Change.EntriesClosedOut c -> c.entryIds();
            case Change.QueueCreated c -> List.of();
            case Change.QueueConfigured c -> List.of();
            case Change.QueueStatusSet c -> List.of();
            case Change.QueueScheduled c -> List.of();
            case Change.ScheduleLapsed c -> List.of();
            case Change.EntryOverflowed c -> List.of();
        };
    }
}
