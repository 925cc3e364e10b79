package io.ledgerline.queue;

import java.util.OptionalLong;
import org.pcollections.HashTreePMap;
import org.pcollections.PMap;
import org.pcollections.PSortedSet;
import org.pcollections.TreePSet;

/**
 * A queue's active entries and the orders the rules look them up in, kept in step: every change is a few O(log n)
 * operations on persistent collections that share structure with the previous value.
 *
 * @param byId        the active entries (WAITING, held or not, and CALLED) by id
 * @param waitingLine the callable entries in {@link Entry#CALLING_ORDER}
 * @param held        the held entries in {@link Entry#RELEASE_ORDER}
 * @param aging       the callable entries that age, in {@link Entry#AGING_ORDER}
 * @param byClass     the active entries of each priority class in {@link Entry#CALLING_ORDER}, for the last key in a
 *                    class that a weighted placement follows
 * @param transferring the entries under way to another queue, in {@link Entry#CALLING_ORDER}
 * @param admitted    the entries holding an admission, in {@link Entry#EXPIRY_ORDER}
 */
record QueueEntries(PMap<String, Entry> byId, PSortedSet<Entry> waitingLine, PSortedSet<Entry> held,
                    PSortedSet<Entry> aging, PMap<Priority, PSortedSet<Entry>> byClass,
                    PSortedSet<Entry> transferring, PSortedSet<Entry> admitted) {

    static final QueueEntries EMPTY = new QueueEntries(HashTreePMap.empty(), TreePSet.empty(Entry.CALLING_ORDER),
            TreePSet.empty(Entry.RELEASE_ORDER), TreePSet.empty(Entry.AGING_ORDER), HashTreePMap.empty(),
            TreePSet.empty(Entry.CALLING_ORDER), TreePSet.empty(Entry.EXPIRY_ORDER));

    /** Adds an entry, or replaces the entry with the same id. */
    QueueEntries with(Entry entry) {
        Entry previous = byId.get(entry.entryId());
        QueueEntries base = previous == null ? this : without(previous);
        return new QueueEntries(base.byId.plus(entry.entryId(), entry),
                entry.callable() ? base.waitingLine.plus(entry) : base.waitingLine,
                entry.held() ? base.held.plus(entry) : base.held,
                entry.ages() ? base.aging.plus(entry) : base.aging,
                base.byClass.plus(entry.priority(), base.inClass(entry.priority()).plus(entry)),
                entry.inTransfer() ? base.transferring.plus(entry) : base.transferring,
                entry.holdsAdmission() ? base.admitted.plus(entry) : base.admitted);
    }

    QueueEntries without(Entry entry) {
        return new QueueEntries(byId.minus(entry.entryId()),
                entry.callable() ? waitingLine.minus(entry) : waitingLine,
                entry.held() ? held.minus(entry) : held,
                entry.ages() ? aging.minus(entry) : aging,
                withoutInClass(entry), entry.inTransfer() ? transferring.minus(entry) : transferring,
                entry.holdsAdmission() ? admitted.minus(entry) : admitted);
    }

    // An emptied class leaves the map, so equal entries give equal values however they came about.
    private PMap<Priority, PSortedSet<Entry>> withoutInClass(Entry entry) {
        PSortedSet<Entry> rest = inClass(entry.priority()).minus(entry);
        return rest.isEmpty() ? byClass.minus(entry.priority()) : byClass.plus(entry.priority(), rest);
    }

    /** The largest key among the class's active entries; empty when it has none. */
    OptionalLong lastKeyIn(Priority priority) {
        PSortedSet<Entry> inClass = inClass(priority);
        return inClass.isEmpty() ? OptionalLong.empty() : OptionalLong.of(inClass.last().orderKey());
    }

    private PSortedSet<Entry> inClass(Priority priority) {
        PSortedSet<Entry> entries = byClass.get(priority);
        return entries == null ? TreePSet.empty(Entry.CALLING_ORDER) : entries;
    }
}
