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
 * @param waitingLine   the callable WAITING entries in {@link Entry#CALLING_ORDER}
 * @param held          the WAITING entries that may not be called yet, in {@link Entry#RELEASE_ORDER}
 * @param schedule      the openings and closings still planned
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
        PSortedSet<Entry> waitingLine,
        PSortedSet<Entry> held,
        QueueSchedule schedule) {

    private static final QueueState INITIAL = new QueueState(
            null, null, 0, QueueSettings.DEFAULT, null, null, 1L, HashTreePMap.empty(), TreePSet.empty(Entry.CALLING_ORDER),
            TreePSet.empty(Entry.RELEASE_ORDER), QueueSchedule.NONE);

    public QueueState {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(entriesById, "entriesById");
        Objects.requireNonNull(waitingLine, "waitingLine");
        Objects.requireNonNull(held, "held");
        Objects.requireNonNull(schedule, "schedule");
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
                                     Collection<Entry> activeEntries, QueueSchedule schedule) {
        Objects.requireNonNull(queueId, "queueId");
        Objects.requireNonNull(status, "status");
        PMap<String, Entry> byId = HashTreePMap.empty();
        PSortedSet<Entry> waiting = TreePSet.empty(Entry.CALLING_ORDER);
        PSortedSet<Entry> heldBack = TreePSet.empty(Entry.RELEASE_ORDER);
        for (Entry entry : activeEntries) {
            if (!entry.status().isActive()) {
                throw new IllegalArgumentException("a snapshot holds only active entries: " + entry);
            }
            byId = byId.plus(entry.entryId(), entry);
            if (entry.callable()) {
                waiting = waiting.plus(entry);
            } else if (entry.held()) {
                heldBack = heldBack.plus(entry);
            }
        }
        return new QueueState(queueId, name, capacity, settings, status,
                status == QueueStatus.SLEEPING ? sleepingUntil : null, nextTicket, byId, waiting, heldBack,
                schedule == null ? QueueSchedule.NONE : schedule);
    }

    /** False for the initial state: the queue was never created. */
    public boolean exists() {
        return status != null;
    }

    public Optional<Entry> entry(String entryId) {
        return entryId == null ? Optional.empty() : Optional.ofNullable(entriesById.get(entryId));
    }

    /** 1-based place of a callable entry in the calling order; empty for a held, called or unknown entry. */
    public OptionalInt rankOf(String entryId) {
        Entry entry = entryId == null ? null : entriesById.get(entryId);
        if (entry == null || !entry.callable()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(waitingLine.headSet(entry, false).size() + 1);
    }

    /** The WAITING entries, the next one to be called first. */
    public List<Entry> waitingInOrder() {
        return List.copyOf(waitingLine);
    }

    /** The held WAITING entries, the first to become callable first. */
    public List<Entry> heldInOrder() {
        return List.copyOf(held);
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
        return entriesById.size() - waitingLine.size() - held.size();
    }

    /** When the earliest held entry becomes callable; empty when none is held. */
    public Optional<Instant> nextRelease() {
        return held.isEmpty() ? Optional.empty() : Optional.of(held.first().heldUntil());
    }

    /** The held entries callable at {@code now}, the earliest first. */
    public List<Entry> heldDueBy(Instant now) {
        List<Entry> due = new ArrayList<>();
        for (Entry entry : held) {
            if (entry.heldUntil().isAfter(now)) {
                break;
            }
            due.add(entry);
        }
        return due;
    }

    public int heldCount() {
        return held.size();
    }

    QueueState created(String newQueueId, String newName, int newCapacity, QueueSettings newSettings) {
        return new QueueState(newQueueId, newName, newCapacity, newSettings, QueueStatus.OPEN, null, nextTicket,
                entriesById, waitingLine, held, schedule);
    }

    QueueState configured(String newName, int newCapacity, QueueSettings newSettings) {
        return new QueueState(queueId, newName, newCapacity, newSettings, status, sleepingUntil, nextTicket,
                entriesById, waitingLine, held, schedule);
    }

    QueueState inStatus(QueueStatus newStatus) {
        return new QueueState(queueId, name, capacity, settings, newStatus, null, nextTicket, entriesById,
                waitingLine, held, schedule);
    }

    QueueState sleepingUntil(Instant until) {
        return new QueueState(queueId, name, capacity, settings, QueueStatus.SLEEPING, until, nextTicket,
                entriesById, waitingLine, held, schedule);
    }

    QueueState scheduled(QueueSchedule newSchedule) {
        return new QueueState(queueId, name, capacity, settings, status, sleepingUntil, nextTicket, entriesById,
                waitingLine, held, newSchedule);
    }

    /** Adds a new entry or replaces the entry with the same id, keeping the waiting line and the held set in step. */
    QueueState withEntry(Entry entry) {
        Entry previous = entriesById.get(entry.entryId());
        PSortedSet<Entry> waiting = previous != null && previous.callable() ? waitingLine.minus(previous) : waitingLine;
        PSortedSet<Entry> heldBack = previous != null && previous.held() ? held.minus(previous) : held;
        if (entry.callable()) {
            waiting = waiting.plus(entry);
        } else if (entry.held()) {
            heldBack = heldBack.plus(entry);
        }
        long ticketAfter = Math.max(nextTicket, entry.ticket() + 1);
        return new QueueState(queueId, name, capacity, settings, status, sleepingUntil, ticketAfter,
                entriesById.plus(entry.entryId(), entry), waiting, heldBack, schedule);
    }

    /** Forgets an entry that reached a final status. */
    QueueState withoutEntry(Entry entry) {
        return new QueueState(queueId, name, capacity, settings, status, sleepingUntil, nextTicket,
                entriesById.minus(entry.entryId()), entry.callable() ? waitingLine.minus(entry) : waitingLine,
                entry.held() ? held.minus(entry) : held, schedule);
    }

    // A queue can hold tens of thousands of entries: keep logs and assertion messages readable.
    @Override
    public String toString() {
        return "QueueState[queueId=" + queueId + ", name=" + name + ", capacity=" + capacity + ", tags=" + settings.tags()
                + ", status=" + status + ", sleepingUntil=" + sleepingUntil + ", nextTicket=" + nextTicket
                + ", schedule=" + schedule + ", active=" + entriesById.size() + ", waiting=" + waitingLine.size() + ", held=" + held.size() + "]";
    }
}
