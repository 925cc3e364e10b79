package io.ledgerline.queue;

import static io.ledgerline.queue.Decision.accept;
import static io.ledgerline.queue.Decision.reject;
import static io.ledgerline.queue.QueueStatus.CLOSED;
import static io.ledgerline.queue.QueueStatus.EMERGENCY_STOPPED;
import static io.ledgerline.queue.QueueStatus.OPEN;
import static io.ledgerline.queue.QueueStatus.PAUSED;
import static io.ledgerline.queue.QueueStatus.SLEEPING;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Rules for the queue itself: creation, settings and status transitions.
 *
 * <pre>
 *   OPEN     --pause--> PAUSED    --resume--> OPEN
 *   OPEN     --sleep--> SLEEPING  --wake-->   OPEN     (SLEEPING --pause--> PAUSED, PAUSED --sleep--> SLEEPING)
 *   OPEN, PAUSED, SLEEPING --close--> CLOSED --open--> OPEN     (closing ends the waiting entries)
 *   CLOSED, PAUSED, SLEEPING --scheduled opening--> OPEN
 *   any other status --emergency stop--> EMERGENCY_STOPPED --resume or open--> OPEN
 * </pre>
 *
 * A transition asked from a status that does not allow it is rejected with the reason named after the
 * current status (QUEUE_PAUSED, QUEUE_SLEEPING, QUEUE_CLOSED, QUEUE_EMERGENCY_STOPPED), or
 * INVALID_COMMAND when the queue is OPEN, since there is no QUEUE_OPEN reason.
 */
final class QueueLifecycle {

    private QueueLifecycle() {
    }

    static Decision create(CreateQueue command) {
        return accept(new QueueCreated(command.queueId(), command.name(), command.capacity(), command.settings()));
    }

    /** Allowed in every status, even an emergency stop: fixing the settings may be why the queue was stopped. */
    static Decision configure(ConfigureQueue command, QueueState state) {
        if (command.capacity() < state.activeCount()) {
            return reject(RejectionReason.QUEUE_FULL, "capacity " + command.capacity() + " is below the "
                    + state.activeCount() + " active entries of queue " + state.queueId());
        }
        boolean switchesOrder = command.settings().ordering().weighted() != state.settings().ordering().weighted();
        if (switchesOrder && state.activeCount() > 0) {
            return reject(RejectionReason.INVALID_COMMAND, "queue " + state.queueId() + " has "
                    + state.activeCount() + " active entries; it switches between strict and weighted order only"
                    + " when empty, since the entries' places were given under the other order");
        }
        return accept(new QueueConfigured(command.queueId(), command.name(), command.capacity(), command.settings()));
    }

    static Decision pause(PauseQueue command, QueueState state) {
        String reason = command.reason() == null ? "" : command.reason();
        return transition(state, "pause", EnumSet.of(OPEN, SLEEPING),
                () -> new QueuePaused(command.queueId(), reason));
    }

    static Decision resume(ResumeQueue command, QueueState state) {
        return transition(state, "resume", EnumSet.of(PAUSED, EMERGENCY_STOPPED),
                () -> new QueueResumed(command.queueId()));
    }

    static Decision sleep(SleepQueue command, QueueState state) {
        return transition(state, "put to sleep", EnumSet.of(OPEN, PAUSED),
                () -> new QueueSlept(command.queueId(), command.until()));
    }

    static Decision wake(WakeQueue command, QueueState state) {
        return transition(state, "wake", EnumSet.of(SLEEPING), () -> new QueueWoken(command.queueId()));
    }

    static Decision open(OpenQueue command, QueueState state) {
        if (command.scheduledFor() == null) {
            return transition(state, "open", EnumSet.of(CLOSED, EMERGENCY_STOPPED),
                    () -> new QueueOpened(command.queueId()));
        }
        Instant planned = state.schedule().opensAt();
        if (!command.scheduledFor().equals(planned)) {
            return notPlanned(state, "opening", command.scheduledFor(), planned);
        }
        if (EnumSet.of(CLOSED, PAUSED, SLEEPING).contains(state.status())) {
            return accept(new QueueOpened(command.queueId(), planned));
        }
        return accept(new ScheduleLapsed(command.queueId(), "open", planned, state.status()));
    }

    /**
     * Every waiting entry (callable or held) ends closed-out, in calling order; entries being served stay to be
     * settled. A scheduled closing of a queue already closed or emergency-stopped lapses instead.
     */
    static Decision close(CloseQueue command, QueueState state) {
        Set<QueueStatus> closable = EnumSet.of(OPEN, PAUSED, SLEEPING);
        if (command.scheduledFor() != null) {
            Instant planned = state.schedule().closesAt();
            if (!command.scheduledFor().equals(planned)) {
                return notPlanned(state, "closing", command.scheduledFor(), planned);
            }
            if (!closable.contains(state.status())) {
                return accept(new ScheduleLapsed(command.queueId(), "close", planned, state.status()));
            }
        }
        if (!closable.contains(state.status())) {
            return rejectForStatus(state, "cannot close queue " + state.queueId() + " while it is " + state.status()
                    + " (allowed from " + closable + ")");
        }
        List<String> closedOut = new ArrayList<>(state.waitingCount() + state.heldCount());
        state.waitingInOrder().forEach(entry -> closedOut.add(entry.entryId()));
        state.heldInOrder().forEach(entry -> closedOut.add(entry.entryId()));
        state.servedElsewhereInOrder().forEach(entry -> closedOut.add(entry.entryId()));
        int first = Math.min(QueueClosed.CHUNK, closedOut.size());
        List<QueueEvent> events = new ArrayList<>(1 + closedOut.size() / QueueClosed.CHUNK);
        events.add(new QueueClosed(command.queueId(), closedOut.subList(0, first), closedOut.size(),
                command.scheduledFor()));
        for (int start = first; start < closedOut.size(); start += QueueClosed.CHUNK) {
            events.add(new EntriesClosedOut(command.queueId(),
                    closedOut.subList(start, Math.min(start + QueueClosed.CHUNK, closedOut.size()))));
        }
        return new Decision.Accepted(events);
    }

    /** A timer's command for a plan already consumed or replaced: nothing is due at that instant any more. */
    private static Decision notPlanned(QueueState state, String what, Instant asked, Instant planned) {
        return reject(RejectionReason.INVALID_COMMAND, "queue " + state.queueId() + " has no " + what
                + " planned at " + asked + " (planned: " + planned + ")");
    }

    /** Replaces the plan whatever the status: planning is how a stopped or closed queue gets its next opening. */
    static Decision schedule(ScheduleQueue command, QueueState state) {
        return accept(new QueueScheduled(command.queueId(), command.opensAt(), command.closesAt()));
    }

    /** From every status but itself: stopping twice records nothing new, so it is refused. */
    static Decision emergencyStop(EmergencyStopQueue command, QueueState state) {
        return transition(state, "emergency-stop", EnumSet.complementOf(EnumSet.of(EMERGENCY_STOPPED)),
                () -> new QueueEmergencyStopped(command.queueId(), command.reason()));
    }

    private static Decision transition(QueueState state, String action, Set<QueueStatus> allowedFrom,
                                       Supplier<QueueEvent> event) {
        if (allowedFrom.contains(state.status())) {
            return accept(event.get());
        }
        return rejectForStatus(state, "cannot " + action + " queue " + state.queueId() + " while it is "
                + state.status() + " (allowed from " + allowedFrom + ")");
    }

    /** The rejection that names the queue's current status. */
    static Decision rejectForStatus(QueueState state, String detail) {
        RejectionReason reason = switch (state.status()) {
            case OPEN -> RejectionReason.INVALID_COMMAND;
            case PAUSED -> RejectionReason.QUEUE_PAUSED;
            case SLEEPING -> RejectionReason.QUEUE_SLEEPING;
            case CLOSED -> RejectionReason.QUEUE_CLOSED;
            case EMERGENCY_STOPPED -> RejectionReason.QUEUE_EMERGENCY_STOPPED;
        };
        return reject(reason, detail);
    }
}
