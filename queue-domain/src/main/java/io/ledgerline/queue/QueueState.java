package io.ledgerline.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.pcollections.HashTreePMap;
import org.pcollections.PMap;
import org.pcollections.PSortedSet;
import org.pcollections.TreePSet;

/**
 * The state of one queue, as far as deciding needs it. Immutable: every change returns a new value
 * that shares almost all of its structure with the old one (persistent collections), so applying an
 * event costs O(log n) even with tens of thousands of people waiting.
 *
 * <p>Only active entries (WAITING, CALLED) are kept; an entry that completes, leaves, is marked no-show
 * or is transferred is forgotten, so memory is bounded by the people actually in the queue.
 *
 * @param queueId       null until the queue is created
 * @param name          null until the queue is created
 * @param capacity      the most active entries the queue holds; 0 until created
 * @param settings      everything else the queue was created or last configured with
 * @param status        null until the queue is created
 * @param sleepingUntil when a SLEEPING queue may be called again; null in every other status (and for a
 *                      SLEEPING queue restored from a snapshot that did not carry it: it then sleeps until woken)
 * @param nextTicket    the ticket the next joiner gets; starts at 1 and only grows
 * @param entriesById   the active entries by id
 * @param waitingLine   the WAITING entries in {@link Entry#CALLING_ORDER}
 */
public record QueueState(
        String queueId,
        String name,
        int capacity,
        QueueSettings settings,
        QueueStatus status,
        Instant sleepingUntil,
        long nextTicket,
        PMap<String, Entry> entriesById,
        PSortedSet<Entry> waitingLine) {

    private static final QueueState INITIAL = new QueueState(
            null, null, 0, QueueSettings.DEFAULT, null, null, 1L, HashTreePMap.empty(), TreePSet.empty(Entry.CALLING_ORDER));

    public QueueState {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(entriesById, "entriesById");
        Objects.requireNonNull(waitingLine, "waitingLine");
        if (!Entry.CALLING_ORDER.equals(waitingLine.comparator())) {
            throw new IllegalArgumentException("waitingLine must be sorted by Entry.CALLING_ORDER");
        }
        if (sleepingUntil != null && status != QueueStatus.SLEEPING) {
            throw new IllegalArgumentException("only a SLEEPING queue has a wake time, not a " + status + " one");
        }
    }

    /** The state of a queue nobody has created yet. */
    public static QueueState initial() {
        return INITIAL;
    }

    /**
     * Rebuilds a state from a snapshot (for example the QueueSnapshot record of the snapshots topic).
     * Equal to the state reached by replaying the events that produced the snapshot.
     */
    public static QueueState restore(String queueId, String name, int capacity, QueueSettings settings,
                                     QueueStatus status, Instant sleepingUntil, long nextTicket,
                                     Collection<Entry> activeEntries) {
        Objects.requireNonNull(queueId, "queueId");
        Objects.requireNonNull(status, "status");
        PMap<String, Entry> byId = HashTreePMap.empty();
        PSortedSet<Entry> waiting = TreePSet.empty(Entry.CALLING_ORDER);
        for (Entry entry : activeEntries) {
            if (!entry.status().isActive()) {
                throw new IllegalArgumentException("a snapshot holds only active entries: " + entry);
            }
            byId = byId.plus(entry.entryId(), entry);
            if (entry.status() == EntryStatus.WAITING) {
                waiting = waiting.plus(entry);
            }
        }
        return new QueueState(queueId, name, capacity, settings, status,
                status == QueueStatus.SLEEPING ? sleepingUntil : null, nextTicket, byId, waiting);
    }

    /** False for the initial state: the queue was never created. */
    public boolean exists() {
        return status != null;
    }

    public Optional<Entry> entry(String entryId) {
        return entryId == null ? Optional.empty() : Optional.ofNullable(entriesById.get(entryId));
    }

    /** 1-based place of a WAITING entry in the calling order; empty for a called or unknown entry. */
    public OptionalInt rankOf(String entryId) {
        Entry entry = entryId == null ? null : entriesById.get(entryId);
        if (entry == null || entry.status() != EntryStatus.WAITING) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(waitingLine.headSet(entry, false).size() + 1);
    }

    /** The WAITING entries, the next one to be called first. */
    public List<Entry> waitingInOrder() {
        return List.copyOf(waitingLine);
    }

    public int waitingCount() {
        return waitingLine.size();
    }

    /** WAITING and CALLED entries: those that count toward capacity. */
    public int activeCount() {
        return entriesById.size();
    }

    /** WAITING and CALLED entries ordered by ticket, for snapshots and tests. */
    public List<Entry> activeEntries() {
        List<Entry> active = new ArrayList<>(entriesById.values());
        active.sort(Comparator.comparingLong(Entry::ticket));
        return List.copyOf(active);
    }

    /** The entry the next CallNext would call, if anyone is waiting. */
    public Optional<Entry> nextToCall() {
        return waitingLine.isEmpty() ? Optional.empty() : Optional.of(waitingLine.first());
    }

    // Transitions used by QueueDecider.evolve. Each returns a new state and leaves this one untouched.

    /** CALLED entries: those in service now. */
    public int calledCount() {
        return entriesById.size() - waitingLine.size();
    }

    QueueState created(String newQueueId, String newName, int newCapacity, QueueSettings newSettings) {
        return new QueueState(newQueueId, newName, newCapacity, newSettings, QueueStatus.OPEN, null, nextTicket,
                entriesById, waitingLine);
    }

    QueueState configured(String newName, int newCapacity, QueueSettings newSettings) {
        return new QueueState(queueId, newName, newCapacity, newSettings, status, sleepingUntil, nextTicket,
                entriesById, waitingLine);
    }

    QueueState inStatus(QueueStatus newStatus) {
        return new QueueState(queueId, name, capacity, settings, newStatus, null, nextTicket, entriesById,
                waitingLine);
    }

    QueueState sleepingUntil(Instant until) {
        return new QueueState(queueId, name, capacity, settings, QueueStatus.SLEEPING, until, nextTicket,
                entriesById, waitingLine);
    }

    /** Adds a new entry or replaces the entry with the same id, keeping the waiting line in step. */
    QueueState withEntry(Entry entry) {
        Entry previous = entriesById.get(entry.entryId());
        PSortedSet<Entry> waiting = previous != null && previous.status() == EntryStatus.WAITING
                ? waitingLine.minus(previous)
                : waitingLine;
        if (entry.status() == EntryStatus.WAITING) {
            waiting = waiting.plus(entry);
        }
        long ticketAfter = Math.max(nextTicket, entry.ticket() + 1);
        return new QueueState(queueId, name, capacity, settings, status, sleepingUntil, ticketAfter,
                entriesById.plus(entry.entryId(), entry), waiting);
    }

    /** Forgets an entry that reached a final status. */
    QueueState withoutEntry(Entry entry) {
        PSortedSet<Entry> waiting = entry.status() == EntryStatus.WAITING ? waitingLine.minus(entry) : waitingLine;
        return new QueueState(queueId, name, capacity, settings, status, sleepingUntil, nextTicket,
                entriesById.minus(entry.entryId()), waiting);
    }

    // A queue can hold tens of thousands of entries: keep logs and assertion messages readable.
    @Override
    public String toString() {
        return "QueueState[queueId=" + queueId + ", name=" + name + ", capacity=" + capacity + ", " + settings
                + ", status=" + status + ", sleepingUntil=" + sleepingUntil + ", nextTicket=" + nextTicket
                + ", active=" + entriesById.size() + ", waiting=" + waitingLine.size() + "]";
    }
}
