package io.ledgerline.queue;

import java.time.Instant;

/**
 * Reopens a closed queue, or restarts an emergency-stopped one. With {@code scheduledFor} it is the queue's schedule
 * firing (sent by the partition owner's timer for the opening planned at that instant), which also opens a PAUSED or
 * SLEEPING queue but never lifts an emergency stop.
 */
public record OpenQueue(String queueId, Instant scheduledFor) implements QueueCommand {

    public OpenQueue(String queueId) {
        this(queueId, null);
    }
}
