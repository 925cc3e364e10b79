package io.ledgerline.queue;

import java.util.OptionalLong;
import org.pcollections.HashTreePMap;
import org.pcollections.HashTreePSet;
import org.pcollections.PMap;
import org.pcollections.PSet;
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
 *                    class that a weighted placement follows; kept only while {@code classesIndexed}
 * @param transferring the entries under way to another queue, in {@link Entry#CALLING_ORDER}
 * @param admitted    the entries holding an admission, in {@link Entry#EXPIRY_ORDER}
 * @param classesIndexed whether {@code byClass} is kept: only a weighted queue places by it, so a strict one (most
 *                    queues) does not pay for a third tree on every change
 * @param elsewhere   the entries out of the line only because their person is served elsewhere (not scheduled), in
 *                    {@link Entry#CALLING_ORDER}
 * @param byPerson    the ids of the active entries of each person, for the entries that name one
 * @param called      how many entries are CALLED
 */
record QueueEntries(PMap<String, Entry> byId, PSortedSet<Entry> waitingLine, PSortedSet<Entry> held,
                    PSortedSet<Entry> aging, PMap<Priority, PSortedSet<Entry>> byClass,
                    PSortedSet<Entry> transferring, PSortedSet<Entry> admitted, boolean classesIndexed,
                    PSortedSet<Entry> elsewhere, PMap<String, PSet<String>> byPerson, int called) {

    static final QueueEntries EMPTY = new QueueEntries(HashTreePMap.empty(), TreePSet.empty(Entry.CALLING_ORDER),
            TreePSet.empty(Entry.RELEASE_ORDER), TreePSet.empty(Entry.AGING_ORDER), HashTreePMap.empty(),
            TreePSet.empty(Entry.CALLING_ORDER), TreePSet.empty(Entry.EXPIRY_ORDER), false,
            TreePSet.empty(Entry.CALLING_ORDER), HashTreePMap.empty(), 0);

    /** The same entries with {@code byClass} kept or dropped; kept from now on, it is built from every entry. */
    QueueEntries indexingClasses(boolean on) {
        if (on == classesIndexed) {
            return this;
        }
        QueueEntries switched = new QueueEntries(byId, waitingLine, held, aging, HashTreePMap.empty(), transferring,
                admitted, on, elsewhere, byPerson, called);
        if (on) {
            for (Entry entry : byId.values()) {
                switched = new QueueEntries(byId, waitingLine, held, aging, switched.withInClass(entry), transferring,
                        admitted, true, elsewhere, byPerson, called);
            }
        }
        return switched;
    }

    /** Adds an entry, or replaces the entry with the same id. */
    QueueEntries with(Entry entry) {
        Entry previous = byId.get(entry.entryId());
        QueueEntries base = previous == null ? this : without(previous);
        return new QueueEntries(base.byId.plus(entry.entryId(), entry),
                entry.callable() ? base.waitingLine.plus(entry) : base.waitingLine,
                entry.held() ? base.held.plus(entry) : base.held,
                entry.ages() ? base.aging.plus(entry) : base.aging,
                classesIndexed ? base.withInClass(entry) : base.byClass,
                entry.inTransfer() ? base.transferring.plus(entry) : base.transferring,
                entry.holdsAdmission() ? base.admitted.plus(entry) : base.admitted, classesIndexed,
                onlyElsewhere(entry) ? base.elsewhere.plus(entry) : base.elsewhere,
                previous == null ? withPerson(entry) : byPerson, // a person's entry stays theirs
                base.called + (entry.status() == EntryStatus.CALLED ? 1 : 0));
    }

    QueueEntries without(Entry entry) {
        return new QueueEntries(byId.minus(entry.entryId()),
                entry.callable() ? waitingLine.minus(entry) : waitingLine,
                entry.held() ? held.minus(entry) : held,
                entry.ages() ? aging.minus(entry) : aging,
                classesIndexed ? withoutInClass(entry) : byClass,
                entry.inTransfer() ? transferring.minus(entry) : transferring,
                entry.holdsAdmission() ? admitted.minus(entry) : admitted, classesIndexed,
                onlyElsewhere(entry) ? elsewhere.minus(entry) : elsewhere, withoutPerson(entry),
                called - (entry.status() == EntryStatus.CALLED ? 1 : 0));
    }

    private static boolean onlyElsewhere(Entry entry) {
        return entry.heldElsewhere() && !entry.held();
    }

    /** The active entries of the person, by id; empty when none. */
    PSet<String> ofPerson(String personRef) {
        PSet<String> ids = personRef == null ? null : byPerson.get(personRef);
        return ids == null ? HashTreePSet.empty() : ids;
    }

    private PMap<String, PSet<String>> withPerson(Entry entry) {
        String person = entry.details().personRef();
        return person == null ? byPerson : byPerson.plus(person, ofPerson(person).plus(entry.entryId()));
    }

    // A person without entries leaves the map, so equal entries give equal values however they came about.
    private PMap<String, PSet<String>> withoutPerson(Entry entry) {
        String person = entry.details().personRef();
        if (person == null) {
            return byPerson;
        }
        PSet<String> rest = ofPerson(person).minus(entry.entryId());
        return rest.isEmpty() ? byPerson.minus(person) : byPerson.plus(person, rest);
    }

    private PMap<Priority, PSortedSet<Entry>> withInClass(Entry entry) {
        return byClass.plus(entry.priority(), inClass(entry.priority()).plus(entry));
    }

    // An emptied class leaves the map, so equal entries give equal values however they came about.
    private PMap<Priority, PSortedSet<Entry>> withoutInClass(Entry entry) {
        PSortedSet<Entry> rest = inClass(entry.priority()).minus(entry);
        return rest.isEmpty() ? byClass.minus(entry.priority()) : byClass.plus(entry.priority(), rest);
    }

    /** The largest key among the class's active entries; empty when it has none. Only while classes are indexed. */
    OptionalLong lastKeyIn(Priority priority) {
        if (!classesIndexed) {
            throw new IllegalStateException("the entries of a strict-priority queue are not indexed by class");
        }
        PSortedSet<Entry> inClass = inClass(priority);
        return inClass.isEmpty() ? OptionalLong.empty() : OptionalLong.of(inClass.last().orderKey());
    }

    private PSortedSet<Entry> inClass(Priority priority) {
        PSortedSet<Entry> entries = byClass.get(priority);
        return entries == null ? TreePSet.empty(Entry.CALLING_ORDER) : entries;
    }
}
