package io.ledgerline.queue;

import static io.ledgerline.queue.Decision.reject;

import java.util.Objects;

/**
 * The queue aggregate as a decider: {@code decide} turns a command into events (or a rejection)
 * without changing anything, {@code evolve} applies one event to a state, and the state of a queue is
 * {@code replay} of its events. Pure functions: no clock, no randomness, no I/O; time arrives in
 * commands and is recorded in events.
 *
 * <p>The order of checks is the same for every command: its shape ({@link CommandShape}), then whether
 * the queue exists, then the queue's status, then the entry's status, then capacity.
 */
public final class QueueDecider {

    private QueueDecider() {
    }

    public static QueueState initialState() {
        return QueueState.initial();
    }

    /** Never throws for a non-null command and state: every business problem is a {@link Decision.Rejected}. */
    public static Decision decide(QueueCommand command, QueueState state) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(state, "state");
        String problem = CommandShape.problem(command);
        if (problem != null) {
            return reject(RejectionReason.INVALID_COMMAND, problem);
        }
        if (!state.exists()) {
            return command instanceof CreateQueue create
                    ? QueueLifecycle.create(create)
                    : reject(RejectionReason.QUEUE_NOT_FOUND, "queue " + command.queueId() + " does not exist");
        }
        if (!state.queueId().equals(command.queueId())) {
            return reject(RejectionReason.INVALID_COMMAND,
                    "command for queue " + command.queueId() + " given the state of queue " + state.queueId());
        }
        return switch (command) {
            case CreateQueue c -> reject(RejectionReason.QUEUE_ALREADY_EXISTS, "queue " + c.queueId() + " already exists");
            case ConfigureQueue c -> QueueLifecycle.configure(c, state);
            case JoinQueue c -> EntryRules.join(c, state);
            case LeaveQueue c -> EntryRules.leave(c, state);
            case CallNext c -> EntryRules.callNext(c, state);
            case CompleteEntry c -> EntryRules.complete(c, state);
            case MarkNoShow c -> EntryRules.markNoShow(c, state);
            case RequeueEntry c -> EntryRules.requeue(c, state);
            case ChangePriority c -> EntryRules.changePriority(c, state);
            case TransferEntry c -> Transfers.start(c, state);
            case PauseQueue c -> QueueLifecycle.pause(c, state);
            case ResumeQueue c -> QueueLifecycle.resume(c, state);
            case SleepQueue c -> QueueLifecycle.sleep(c, state);
            case WakeQueue c -> QueueLifecycle.wake(c, state);
            case OpenQueue c -> QueueLifecycle.open(c, state);
            case CloseQueue c -> QueueLifecycle.close(c, state);
            case EmergencyStopQueue c -> QueueLifecycle.emergencyStop(c, state);
            case FailEntry c -> EntryRules.fail(c, state);
            case ReleaseDueEntries c -> EntryRules.release(c, state);
            case JoinBatch c -> EntryRules.joinBatch(c, state);
            case ScheduleQueue c -> QueueLifecycle.schedule(c, state);
            case PromoteAgedEntries c -> EntryRules.promote(c, state);
            case SettleTransfer c -> Transfers.settle(c, state);
            case AdmitDueEntries c -> Admissions.admit(c, state);
            case ExpireAdmissions c -> Admissions.expire(c, state);
            case CommitLottery c -> Lotteries.commit(c, state);
            case CutOffLottery c -> Lotteries.cutOff(c, state);
            case DrawLottery c -> Lotteries.draw(c, state);
            case HoldForServiceElsewhere c -> PersonHolds.hold(c, state);
            case ReturnFromServiceElsewhere c -> PersonHolds.giveBack(c, state);
        };
    }

    /**
     * Applies one event. Events are facts, so this does not judge them; but an event that cannot follow
     * the given state (an unknown entry, another queue's event) means the history is corrupt, and that
     * is reported loudly with an {@link IllegalStateException} rather than papered over.
     */
    public static QueueState evolve(QueueState state, QueueEvent event) {
        return Evolution.apply(state, event);
    }

    public static QueueState replay(Iterable<? extends QueueEvent> events) {
        QueueState state = initialState();
        for (QueueEvent event : events) {
            state = evolve(state, event);
        }
        return state;
    }
}
