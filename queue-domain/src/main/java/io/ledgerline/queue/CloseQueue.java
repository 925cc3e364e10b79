package io.ledgerline.queue;

import java.time.Instant;

/**
 * Stops joins and calls, and ends every entry still waiting as closed-out (the ones being served stay to be settled).
 * With {@code scheduledFor} it is the queue's schedule firing for the closing planned at that instant.
 */
public record CloseQueue(String queueId, Instant scheduledFor) implements QueueCommand {

    public CloseQueue(String queueId) {
        this(queueId, null);
    }
}
