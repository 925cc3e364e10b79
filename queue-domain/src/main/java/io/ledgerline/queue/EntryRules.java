package io.ledgerline.queue;

import static io.ledgerline.queue.Decision.accept;
import static io.ledgerline.queue.Decision.reject;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Rules for the people (or jobs) in a queue: joining, being called, finishing, moving.
 *
 * <p>Since the state forgets an entry once it is finished, an entry that completed, left, did not show
 * or was transferred is unknown here: commands about it are answered ENTRY_NOT_FOUND, and its id may
 * join again as a new visit with a new ticket.
 */
final class EntryRules {

    private EntryRules() {
    }

    /** Joining is allowed while OPEN, PAUSED or SLEEPING: people may queue while service is paused. */
    static Decision join(JoinQueue command, QueueState state) {
        boolean takesNewEntries = switch (state.status()) {
            case OPEN, PAUSED, SLEEPING -> true;
            case CLOSED, EMERGENCY_STOPPED -> false;
        };
        if (!takesNewEntries) {
            return QueueLifecycle.rejectForStatus(state,
                    "queue " + state.queueId() + " is " + state.status() + " and takes no new entries");
        }
        if (state.entry(command.entryId()).isPresent()) {
            return reject(RejectionReason.DUPLICATE_ENTRY,
                    "entry " + command.entryId() + " is already in queue " + state.queueId());
        }
        if (state.activeCount() >= state.capacity()) {
            return reject(RejectionReason.QUEUE_FULL,
                    "queue " + state.queueId() + " holds its capacity of " + state.capacity() + " entries");
        }
        return accept(new EntryJoined(command.queueId(), command.entryId(), command.priority(),
                state.nextTicket(), command.joinedAt(), state.settings().numberFor(state.nextTicket())));
    }

    /** Allowed in every status, even an emergency stop: nobody is kept in a queue against their will. */
    static Decision leave(LeaveQueue command, QueueState state) {
        if (state.entry(command.entryId()).isEmpty()) {
            return entryNotFound(command.entryId(), state);
        }
        return accept(new EntryLeft(command.queueId(), command.entryId()));
    }

    /**
     * Calls the first waiting entry. OPEN and CLOSED (draining) queues call; a SLEEPING queue whose
     * {@code until} has passed at {@code calledAt} wakes first, so the events are QueueWoken then
     * EntryCalled (the command service's wake timer may not have fired yet, and the caller's clock is
     * the only time we are given).
     */
    static Decision callNext(CallNext command, QueueState state) {
        boolean calls = switch (state.status()) {
            case OPEN, CLOSED, SLEEPING -> true;
            case PAUSED, EMERGENCY_STOPPED -> false;
        };
        if (!calls) {
            return QueueLifecycle.rejectForStatus(state,
                    "queue " + state.queueId() + " is " + state.status() + "; nobody is called");
        }
        boolean wakeFirst = state.status() == QueueStatus.SLEEPING;
        if (wakeFirst && !hasWokenBy(state, command.calledAt())) {
            return QueueLifecycle.rejectForStatus(state, "queue " + state.queueId() + " sleeps until "
                    + (state.sleepingUntil() == null ? "woken" : state.sleepingUntil())
                    + "; nobody is called before then");
        }
        Optional<Entry> next = state.nextToCall();
        if (next.isEmpty()) {
            return reject(RejectionReason.QUEUE_EMPTY, "nobody is waiting in queue " + state.queueId());
        }
        int maxConcurrent = state.settings().maxConcurrent();
        if (maxConcurrent > 0 && state.calledCount() >= maxConcurrent) {
            return reject(RejectionReason.MAX_CONCURRENT_REACHED, "queue " + state.queueId() + " has "
                    + state.calledCount() + " entries in service, its most at once; complete one first");
        }
        EntryCalled called = new EntryCalled(command.queueId(), next.get().entryId(), command.calledAt(),
                next.get().number(), command.counter());
        return wakeFirst ? accept(new QueueWoken(command.queueId()), called) : accept(called);
    }

    /** A sleep restored from a snapshot without its end time lasts until an explicit WakeQueue. */
    private static boolean hasWokenBy(QueueState state, Instant calledAt) {
        return state.sleepingUntil() != null && !calledAt.isBefore(state.sleepingUntil());
    }

    static Decision complete(CompleteEntry command, QueueState state) {
        return whenCalled(command.entryId(), state,
                () -> accept(new EntryCompleted(command.queueId(), command.entryId(), command.completedAt())));
    }

    static Decision markNoShow(MarkNoShow command, QueueState state) {
        return whenCalled(command.entryId(), state,
                () -> accept(new EntryMarkedNoShow(command.queueId(), command.entryId())));
    }

    static Decision requeue(RequeueEntry command, QueueState state) {
        return whenCalled(command.entryId(), state,
                () -> accept(new EntryRequeued(command.queueId(), command.entryId())));
    }

    /** Staff override: the entry keeps its ticket, so among its new priority it is placed by when it joined. */
    static Decision changePriority(ChangePriority command, QueueState state) {
        return whenWaiting(command.entryId(), state, entry -> entry.priority() == command.priority()
                ? reject(RejectionReason.INVALID_COMMAND,
                        "entry " + entry.entryId() + " already has priority " + entry.priority())
                : accept(new EntryPriorityChanged(command.queueId(), entry.entryId(), entry.priority(),
                        command.priority(), command.justification())));
    }

    static Decision transfer(TransferEntry command, QueueState state) {
        return whenWaiting(command.entryId(), state, entry -> accept(new EntryTransferredOut(command.queueId(),
                entry.entryId(), command.targetQueueId(), entry.priority(), command.justification())));
    }

    private static Decision whenCalled(String entryId, QueueState state, Supplier<Decision> then) {
        return whenEntryIs(EntryStatus.CALLED, RejectionReason.ENTRY_NOT_CALLED, entryId, state, entry -> then.get());
    }

    private static Decision whenWaiting(String entryId, QueueState state, Function<Entry, Decision> then) {
        return whenEntryIs(EntryStatus.WAITING, RejectionReason.ENTRY_NOT_WAITING, entryId, state, then);
    }

    /** The guard every staff action on one entry shares: not stopped, entry known, entry in the required status. */
    private static Decision whenEntryIs(EntryStatus required, RejectionReason otherwise, String entryId,
                                        QueueState state, Function<Entry, Decision> then) {
        if (state.status() == QueueStatus.EMERGENCY_STOPPED) {
            return stopped(state);
        }
        Optional<Entry> entry = state.entry(entryId);
        if (entry.isEmpty()) {
            return entryNotFound(entryId, state);
        }
        if (entry.get().status() != required) {
            return reject(otherwise, "entry " + entryId + " is " + entry.get().status() + ", not " + required);
        }
        return then.apply(entry.get());
    }

    private static Decision stopped(QueueState state) {
        return QueueLifecycle.rejectForStatus(state, "queue " + state.queueId() + " is EMERGENCY_STOPPED");
    }

    private static Decision entryNotFound(String entryId, QueueState state) {
        return reject(RejectionReason.ENTRY_NOT_FOUND, "no active entry " + entryId + " in queue "
                + state.queueId() + " (finished entries are forgotten)");
    }
}
