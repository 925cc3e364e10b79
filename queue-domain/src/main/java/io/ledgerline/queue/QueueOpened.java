package io.ledgerline.queue;

import java.time.Instant;

/** The queue is OPEN again; {@code scheduledFor} names the planned opening this was, null when staff opened it. */
public record QueueOpened(String queueId, Instant scheduledFor) implements QueueEvent {

    public QueueOpened(String queueId) {
        this(queueId, null);
    }
}
