package io.ledgerline.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;
import org.pcollections.PSortedSet;

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
 * @param virtualTime   the largest order key called so far, which a weighted queue places new entries after
 * @param lastAdmissionAt the rate slot an automatic-admission queue last used; null before the first admission
 * @param entries       the active entries and their orders
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
        long virtualTime,
        Instant lastAdmissionAt,
        QueueEntries entries,
        QueueSchedule schedule) {

    private static final QueueState INITIAL = new QueueState(
            null, null, 0, QueueSettings.DEFAULT, null, null, 1L, 0L, null, QueueEntries.EMPTY, QueueSchedule.NONE);

    public QueueState {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(schedule, "schedule");
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
                                     QueueStatus status, Instant sleepingUntil, long nextTicket, long virtualTime,
                                     Instant lastAdmissionAt, Collection<Entry> activeEntries, QueueSchedule schedule) {
        Objects.requireNonNull(queueId, "queueId");
        Objects.requireNonNull(status, "status");
        QueueEntries entries = QueueEntries.EMPTY.indexingClasses(settings.ordering().weighted());
        for (Entry entry : activeEntries) {
            if (!entry.status().isActive()) {
                throw new IllegalArgumentException("a snapshot holds only active entries: " + entry);
            }
            entries = entries.with(entry);
        }
        return new QueueState(queueId, name, capacity, settings, status,
                status == QueueStatus.SLEEPING ? sleepingUntil : null, nextTicket, virtualTime, lastAdmissionAt, entries,
                schedule == null ? QueueSchedule.NONE : schedule);
    }

    /** False for the initial state: the queue was never created. */
    public boolean exists() {
        return status != null;
    }

    public Optional<Entry> entry(String entryId) {
        return entryId == null ? Optional.empty() : Optional.ofNullable(entries.byId().get(entryId));
    }

    /** 1-based place of a callable entry in the calling order; empty for a held, called or unknown entry. */
    public OptionalInt rankOf(String entryId) {
        Entry entry = entryId == null ? null : entries.byId().get(entryId);
        if (entry == null || !entry.callable()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(entries.waitingLine().headSet(entry, false).size() + 1);
    }

    /** The WAITING entries, the next one to be called first. */
    public List<Entry> waitingInOrder() {
        return List.copyOf(entries.waitingLine());
    }

    /** The held WAITING entries, the first to become callable first. */
    public List<Entry> heldInOrder() {
        return List.copyOf(entries.held());
    }

    public int waitingCount() {
        return entries.waitingLine().size();
    }

    /** WAITING and CALLED entries: those that count toward capacity. */
    public int activeCount() {
        return entries.byId().size();
    }

    /** WAITING and CALLED entries ordered by ticket, for snapshots and tests. */
    public List<Entry> activeEntries() {
        List<Entry> active = new ArrayList<>(entries.byId().values());
        active.sort(Comparator.comparingLong(Entry::ticket));
        return List.copyOf(active);
    }

    /** The entry the next CallNext would call, if anyone is waiting. */
    public Optional<Entry> nextToCall() {
        return entries.waitingLine().isEmpty() ? Optional.empty() : Optional.of(entries.waitingLine().first());
    }

    /** CALLED entries: those in service now. */
    public int calledCount() {
        return entries.called();
    }

    /** The active entries of the person, in ticket order; empty for a null person. */
    public List<Entry> entriesOf(String personRef) {
        List<Entry> found = new ArrayList<>();
        for (String entryId : entries.ofPerson(personRef)) {
            found.add(entries.byId().get(entryId));
        }
        found.sort(Comparator.comparingLong(Entry::ticket));
        return found;
    }

    public boolean hasEntriesOf(String personRef) {
        return !entries.ofPerson(personRef).isEmpty();
    }

    /** The entries out of the line only because their person is served elsewhere, in calling order. */
    public List<Entry> servedElsewhereInOrder() {
        return List.copyOf(entries.elsewhere());
    }

    /** The entries under way to another queue, in calling order. */
    public List<Entry> transferringInOrder() {
        return List.copyOf(entries.transferring());
    }

    /** When the earliest held entry becomes callable; empty when none is held. */
    public Optional<Instant> nextRelease() {
        return firstDue(entries.held(), Entry::heldUntil);
    }

    /** The held entries callable at {@code now}, the earliest first. */
    public List<Entry> heldDueBy(Instant now) {
        return dueBy(entries.held(), Entry::heldUntil, now);
    }

    public int heldCount() {
        return entries.held().size();
    }

    /** When the first callable entry reaches its class's aging limit; empty when none ages. */
    public Optional<Instant> nextPromotion() {
        return firstDue(entries.aging(), Entry::agingDue);
    }

    /** The callable entries whose aging limit has passed at {@code now}, the earliest first. */
    public List<Entry> agedBy(Instant now) {
        return dueBy(entries.aging(), Entry::agingDue, now);
    }

    /** The opening lottery committed and not yet drawn; null when none. */
    public Lottery lottery() {
        return schedule.lottery();
    }

    /** Entries holding an admission of an automatic-admission queue. */
    public int admittedCount() {
        return entries.admitted().size();
    }

    /** When the first admission expires; empty when none is held. */
    public Optional<Instant> nextExpiry() {
        return firstDue(entries.admitted(), Entry::admittedUntil);
    }

    /** The admissions whose time is up at {@code now}, the earliest first. */
    public List<Entry> admissionsOverBy(Instant now) {
        return dueBy(entries.admitted(), Entry::admittedUntil, now);
    }

    /** The largest order key among the active entries of a class; empty when the class has none. */
    public OptionalLong lastKeyIn(Priority priority) {
        return entries.lastKeyIn(priority);
    }

    private static Optional<Instant> firstDue(PSortedSet<Entry> inDueOrder, Function<Entry, Instant> dueAt) {
        return inDueOrder.isEmpty() ? Optional.empty() : Optional.of(dueAt.apply(inDueOrder.first()));
    }

    private static List<Entry> dueBy(Iterable<Entry> inDueOrder, Function<Entry, Instant> dueAt, Instant now) {
        List<Entry> due = new ArrayList<>();
        for (Entry entry : inDueOrder) {
            if (dueAt.apply(entry).isAfter(now)) {
                break;
            }
            due.add(entry);
        }
        return due;
    }

    // Transitions used by QueueDecider.evolve. Each returns a new state and leaves this one untouched.

    QueueState created(String newQueueId, String newName, int newCapacity, QueueSettings newSettings) {
        return new QueueState(newQueueId, newName, newCapacity, newSettings, QueueStatus.OPEN, null, nextTicket,
                virtualTime, lastAdmissionAt, entries.indexingClasses(newSettings.ordering().weighted()), schedule);
    }

    QueueState configured(String newName, int newCapacity, QueueSettings newSettings) {
        return new QueueState(queueId, newName, newCapacity, newSettings, status, sleepingUntil, nextTicket,
                virtualTime, lastAdmissionAt, entries.indexingClasses(newSettings.ordering().weighted()), schedule);
    }

    QueueState inStatus(QueueStatus newStatus) {
        return new QueueState(queueId, name, capacity, settings, newStatus, null, nextTicket, virtualTime,
                lastAdmissionAt, entries, schedule);
    }

    QueueState sleepingUntil(Instant until) {
        return new QueueState(queueId, name, capacity, settings, QueueStatus.SLEEPING, until, nextTicket, virtualTime,
                lastAdmissionAt, entries, schedule);
    }

    QueueState scheduled(QueueSchedule newSchedule) {
        return new QueueState(queueId, name, capacity, settings, status, sleepingUntil, nextTicket, virtualTime,
                lastAdmissionAt, entries, newSchedule);
    }

    /** Adds a new entry or replaces the entry with the same id. */
    QueueState withEntry(Entry entry) {
        long ticketAfter = Math.max(nextTicket, entry.ticket() + 1);
        return new QueueState(queueId, name, capacity, settings, status, sleepingUntil, ticketAfter, virtualTime,
                lastAdmissionAt, entries.with(entry), schedule);
    }

    /** The entry is called: the virtual time reaches its key. */
    QueueState withCalled(Entry called) {
        return new QueueState(queueId, name, capacity, settings, status, sleepingUntil, nextTicket,
                Math.max(virtualTime, called.orderKey()), lastAdmissionAt, entries.with(called), schedule);
    }

    /** The entry is let in by an automatic-admission queue, using up the rate's slot {@code at}. */
    QueueState withAdmitted(Entry admitted, Instant at) {
        Instant last = lastAdmissionAt == null || at.isAfter(lastAdmissionAt) ? at : lastAdmissionAt;
        return new QueueState(queueId, name, capacity, settings, status, sleepingUntil, nextTicket,
                Math.max(virtualTime, admitted.orderKey()), last, entries.with(admitted), schedule);
    }

    /** Forgets an entry that reached a final status. */
    QueueState withoutEntry(Entry entry) {
        return new QueueState(queueId, name, capacity, settings, status, sleepingUntil, nextTicket, virtualTime,
                lastAdmissionAt, entries.without(entry), schedule);
    }

    // A queue can hold tens of thousands of entries: keep logs and assertion messages readable.
    @Override
    public String toString() {
        return "QueueState[queueId=" + queueId + ", name=" + name + ", capacity=" + capacity + ", tags=" + settings.tags()
                + ", status=" + status + ", sleepingUntil=" + sleepingUntil + ", nextTicket=" + nextTicket
                + ", virtualTime=" + virtualTime + ", schedule=" + schedule + ", active=" + activeCount()
                + ", waiting=" + waitingCount() + ", held=" + heldCount() + "]";
    }
}
