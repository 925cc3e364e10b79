package io.ledgerline.command.model;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Which queues each person has joined, so that holding a person's entries while they are served elsewhere looks at
 * their queues, not at every queue of the partition. It only grows as people join; a queue the person has left is
 * dropped when looked up, and a sweep every so many joins drops the rest, so it stays about as large as the number of
 * people actually waiting, at an amortised constant cost per join.
 */
final class PersonIndex {

    private static final int SWEEP_FLOOR = 4_096;

    private final Map<String, Set<String>> queuesByPerson = new HashMap<>();
    private int pairs;
    private int pairsAfterSweep;

    void add(String personRef, String queueId) {
        if (queuesByPerson.computeIfAbsent(personRef, p -> new LinkedHashSet<>(2)).add(queueId)) {
            pairs++;
        }
    }

    /**
     * The queues where {@code stillThere} says the person still has an entry; the others are dropped. Every so many
     * additions, the whole index is swept with the same test.
     */
    List<String> queuesOf(String personRef, BiPredicate<String, String> stillThere) {
        if (pairs > Math.max(SWEEP_FLOOR, 2 * pairsAfterSweep)) {
            sweep(stillThere);
        }
        Set<String> queues = queuesByPerson.get(personRef);
        if (queues == null) {
            return List.of();
        }
        pairs -= prune(personRef, queues, stillThere);
        if (queues.isEmpty()) {
            queuesByPerson.remove(personRef);
        }
        return List.copyOf(queues);
    }

    int size() {
        return pairs;
    }

    private void sweep(BiPredicate<String, String> stillThere) {
        Iterator<Map.Entry<String, Set<String>>> people = queuesByPerson.entrySet().iterator();
        while (people.hasNext()) {
            Map.Entry<String, Set<String>> person = people.next();
            pairs -= prune(person.getKey(), person.getValue(), stillThere);
            if (person.getValue().isEmpty()) {
                people.remove();
            }
        }
        pairsAfterSweep = pairs;
    }

    private int prune(String personRef, Set<String> queues, BiPredicate<String, String> stillThere) {
        int before = queues.size();
        queues.removeIf(queueId -> !stillThere.test(personRef, queueId));
        return before - queues.size();
    }
}
