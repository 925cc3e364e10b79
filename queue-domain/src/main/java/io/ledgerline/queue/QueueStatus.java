package io.ledgerline.queue;

/**
 * Lifecycle of a queue. A queue that was never created has no status: see {@link QueueState#exists()}.
 *
 * <ul>
 *   <li>OPEN: people join, staff call.</li>
 *   <li>PAUSED, SLEEPING: people still join; nobody is called (SLEEPING ends by itself at its {@code until}).</li>
 *   <li>CLOSED: nobody joins; the people already waiting are still called (draining).</li>
 *   <li>EMERGENCY_STOPPED: everything stops except leaving and configuring, until resumed or opened.</li>
 * </ul>
 */
public enum QueueStatus {
    OPEN,
    PAUSED,
    SLEEPING,
    CLOSED,
    EMERGENCY_STOPPED
}
