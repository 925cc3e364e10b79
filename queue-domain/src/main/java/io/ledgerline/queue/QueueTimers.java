package io.ledgerline.queue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a queue does by itself as time passes. The partition owner asks {@link #nextDue} after every change to know
 * when to look again, and {@link #due} with its clock's time when that moment comes; it then decides the commands
 * like any other and appends their events. Nothing here reads a clock, so replaying the log reproduces every timer's
 * effect, and a test moves time by passing another instant.
 *
 * <p>Each command comes with an id made from the queue's state (what is due and since when), never from the time of
 * asking: a timer that fires twice, after a restart or a rebalance, sends the same id, and the command service's
 * idempotency window answers the second with the first outcome instead of appending again.
 */
public final class QueueTimers {

    private QueueTimers() {
    }

    /** A command the passing of time calls for, and its deterministic id. */
    public record TimerCommand(String commandId, QueueCommand command) {}

    /** When this queue next has something to do by itself; empty while nothing is scheduled. */
    public static Optional<Instant> nextDue(QueueState state) {
        if (state.exists() && state.status() == QueueStatus.SLEEPING && state.sleepingUntil() != null) {
            return Optional.of(state.sleepingUntil());
        }
        return Optional.empty();
    }

    /** The commands due at {@code now}, in the order to decide them; empty when nothing is due yet. */
    public static List<TimerCommand> due(QueueState state, Instant now) {
        Optional<Instant> next = nextDue(state);
        if (next.isEmpty() || now.isBefore(next.get())) {
            return List.of();
        }
        return List.of(new TimerCommand("timer.wake." + state.sleepingUntil().toEpochMilli(),
                new WakeQueue(state.queueId())));
    }
}
