package io.ledgerline.projection.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where each queue's events sit in a batch: per queue (in order of first appearance) the indexes, in batch order. */
public final class EventsByQueue {

    private EventsByQueue() {
    }

    public static Map<String, List<Integer>> of(List<ProjectedEvent> events) {
        Map<String, List<Integer>> byQueue = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            byQueue.computeIfAbsent(events.get(i).queueId(), q -> new ArrayList<>()).add(i);
        }
        return byQueue;
    }
}
