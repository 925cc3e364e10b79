package io.ledgerline.command.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which queues carry each tag, so that an operation across queues (an emergency stop by tag) looks at the queues it
 * selects, not at every queue of its partitions: with tens of thousands of queues the scan was most of its cost.
 */
final class TagIndex {

    private final Map<String, List<String>> tagsByQueue = new HashMap<>();
    private final Map<String, Set<String>> queuesByTag = new HashMap<>();

    /** Records the queue's tags as they are now; cheap when they did not change, which is almost always. */
    void update(String queueId, List<String> tags) {
        List<String> old = tagsByQueue.get(queueId);
        if (old == tags || tags.equals(old)) {
            return;
        }
        remove(queueId);
        if (!tags.isEmpty()) {
            tagsByQueue.put(queueId, tags);
            tags.forEach(tag -> queuesByTag.computeIfAbsent(tag, t -> new LinkedHashSet<>()).add(queueId));
        }
    }

    void remove(String queueId) {
        List<String> old = tagsByQueue.remove(queueId);
        if (old != null) {
            for (String tag : old) {
                Set<String> queues = queuesByTag.get(tag);
                queues.remove(queueId);
                if (queues.isEmpty()) {
                    queuesByTag.remove(tag);
                }
            }
        }
    }

    /** The queues carrying every one of {@code tags} (at least one), in the order they were tagged. */
    List<String> carryingAll(List<String> tags) {
        List<Set<String>> sets = new ArrayList<>(tags.size());
        for (String tag : tags) {
            Set<String> queues = queuesByTag.get(tag);
            if (queues == null) {
                return List.of();
            }
            sets.add(queues);
        }
        sets.sort(Comparator.comparingInt(Set::size));
        List<String> found = new ArrayList<>();
        for (String queueId : sets.get(0)) {
            if (sets.stream().skip(1).allMatch(set -> set.contains(queueId))) {
                found.add(queueId);
            }
        }
        return found;
    }
}
