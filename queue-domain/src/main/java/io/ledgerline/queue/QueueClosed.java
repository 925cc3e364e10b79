package io.ledgerline.queue;

import java.time.Instant;
import java.util.List;

/**
 * The queue closed: nobody joins or is called until it opens again. Every entry that was waiting ended closed-out,
 * {@code closedOutCount} in all; the first {@link #CHUNK} are named here, the rest in the {@link EntriesClosedOut}
 * events that follow in the same transaction, so each record stays far below Kafka's 1 MB whatever the queue's size.
 * {@code scheduledFor} names the planned closing this was, null when staff closed it.
 */
public record QueueClosed(String queueId, List<String> closedOut, int closedOutCount, Instant scheduledFor)
        implements QueueEvent {

    /** Entry ids are at most 128 characters: a thousand of them make at most about 130 KB. */
    public static final int CHUNK = 1000;

    public QueueClosed {
        closedOut = closedOut == null ? List.of() : List.copyOf(closedOut);
    }

    /** An empty queue closed by staff. */
    public QueueClosed(String queueId) {
        this(queueId, List.of(), 0, null);
    }
}
