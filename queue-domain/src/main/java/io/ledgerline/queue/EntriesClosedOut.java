package io.ledgerline.queue;

import java.util.List;

/** More of the entries a {@link QueueClosed} ended, at most {@link QueueClosed#CHUNK} in one event. */
public record EntriesClosedOut(String queueId, List<String> entryIds) implements QueueEvent {

    public EntriesClosedOut {
        entryIds = entryIds == null ? List.of() : List.copyOf(entryIds);
    }
}
