package io.ledgerline.queue;

import java.time.Instant;

/**
 * Calls the first waiting entry: strict priority, then ticket order. {@code counter} names the desk or counter that
 * calls ("desk 4"), for the display board and the person's screen; null when nobody says.
 */
public record CallNext(String queueId, Instant calledAt, String counter) implements QueueCommand {

    public CallNext(String queueId, Instant calledAt) {
        this(queueId, calledAt, null);
    }
}
