package io.ledgerline.queue;

import java.util.List;

/** Entries got new order keys (a lottery's draw), pairwise: {@code entryIds[i]} now stands at {@code orderKeys[i]}. */
public record EntriesReordered(String queueId, List<String> entryIds, List<Long> orderKeys) implements QueueEvent {

    public EntriesReordered {
        entryIds = List.copyOf(entryIds);
        orderKeys = List.copyOf(orderKeys);
        if (entryIds.size() != orderKeys.size()) {
            throw new IllegalArgumentException(entryIds.size() + " entries and " + orderKeys.size() + " keys");
        }
    }
}
