package io.ledgerline.queue;

import static io.ledgerline.queue.Decision.accept;
import static io.ledgerline.queue.Decision.reject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
        QueueSettings settings = state.settings();
        if (command.anonymous() && !settings.publicJoins()) {
            return reject(RejectionReason.TOKEN_REQUIRED, "queue " + state.queueId()
                    + " takes joins from token holders only (its settings do not take publicJoins)");
        }
        if (!settings.servesAt(command.joinedAt()) && !settings.calendar().joinsWhileClosed()) {
            return reject(RejectionReason.OUTSIDE_HOURS, "queue " + state.queueId() + " does not serve at "
                    + command.joinedAt() + " by its calendar, and takes no entries then");
        }
        if (state.entry(command.entryId()).isPresent()) {
            return reject(RejectionReason.DUPLICATE_ENTRY,
                    "entry " + command.entryId() + " is already in queue " + state.queueId());
        }
        if (state.activeCount() >= state.capacity()) {
            String overflow = state.settings().overflowTo();
            if (overflow != null && command.overflowedFrom() == null && command.transferredFrom() == null) {
                return accept(new EntryOverflowed(command.queueId(), command.entryId(), overflow, command.priority(),
                        command.joinedAt(), command.scheduledAt(), command.details()));
            }
            return reject(RejectionReason.QUEUE_FULL, "queue " + state.queueId() + " holds its capacity of "
                    + state.capacity() + " entries" + (command.overflowedFrom() == null ? ""
                    : "; this join overflowed from " + command.overflowedFrom() + " and overflows no further"));
        }
        Instant heldUntil = command.scheduledAt() != null && command.scheduledAt().isAfter(command.joinedAt())
                ? command.scheduledAt() : null;
        long ticket = state.nextTicket();
        return accept(new EntryJoined(command.queueId(), command.entryId(), command.priority(), ticket,
                command.joinedAt(), state.settings().numberFor(ticket), heldUntil, command.details(),
                CallingOrder.placementKey(state, command.priority(), ticket), command.transferredFrom()));
    }

    /** Each join against the state the previous ones leave; the first refusal, named by its index, refuses all. */
    static Decision joinBatch(JoinBatch command, QueueState state) {
        List<QueueEvent> events = new ArrayList<>(command.entries().size());
        QueueState next = state;
        for (int i = 0; i < command.entries().size(); i++) {
            switch (join(command.entries().get(i), next)) {
                case Decision.Rejected r -> {
                    return reject(r.rejection().reason(), "entries[" + i + "] (" + command.entries().get(i).entryId()
                            + "): " + r.rejection().detail() + "; nothing of the batch was joined");
                }
                case Decision.Accepted a -> {
                    for (QueueEvent event : a.events()) {
                        next = QueueDecider.evolve(next, event);
                        events.add(event);
                    }
                }
            }
        }
        return new Decision.Accepted(events);
    }

    /** Allowed in every status, even an emergency stop: nobody is kept in a queue against their will. */
    static Decision leave(LeaveQueue command, QueueState state) {
        if (state.entry(command.entryId()).isEmpty()) {
            return entryNotFound(command.entryId(), state);
        }
        if (state.entry(command.entryId()).get().inTransfer()) {
            return Transfers.underWay(state.entry(command.entryId()).get());
        }
        return accept(new EntryLeft(command.queueId(), command.entryId()));
    }

    /**
     * Calls the first waiting entry. Only OPEN queues call; a SLEEPING queue whose
     * {@code until} has passed at {@code calledAt} wakes first, so the events are QueueWoken then
     * EntryCalled (the command service's wake timer may not have fired yet, and the caller's clock is
     * the only time we are given).
     */
    static Decision callNext(CallNext command, QueueState state) {
        boolean calls = switch (state.status()) {
            case OPEN, SLEEPING -> true;
            case PAUSED, CLOSED, EMERGENCY_STOPPED -> false;
        };
        if (!calls) {
            return QueueLifecycle.rejectForStatus(state,
                    "queue " + state.queueId() + " is " + state.status() + "; nobody is called");
        }
        if (Lotteries.drawing(state)) {
            return reject(RejectionReason.INVALID_COMMAND, "queue " + state.queueId() + " is drawing its opening"
                    + " lottery; nobody is called before the order is known");
        }
        if (state.settings().admission().automatic()) {
            return reject(RejectionReason.INVALID_COMMAND, "queue " + state.queueId() + " admits people by itself, "
                    + state.settings().admission().perMinute() + " a minute; nobody calls next there");
        }
        boolean wakeFirst = state.status() == QueueStatus.SLEEPING;
        if (wakeFirst && !hasWokenBy(state, command.calledAt())) {
            return QueueLifecycle.rejectForStatus(state, "queue " + state.queueId() + " sleeps until "
                    + (state.sleepingUntil() == null ? "woken" : state.sleepingUntil())
                    + "; nobody is called before then");
        }
        if (!state.settings().servesAt(command.calledAt())) {
            return reject(RejectionReason.OUTSIDE_HOURS, "queue " + state.queueId() + " does not serve at "
                    + command.calledAt() + " by its calendar (" + state.settings().calendar().zone() + ")");
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

    /**
     * A failed attempt: the entry waits, held, for the retry policy's delay and keeps its ticket, or ends FAILED
     * when it has failed more than {@code maxRetries} times.
     */
    static Decision fail(FailEntry command, QueueState state) {
        return whenEntryIs(EntryStatus.CALLED, RejectionReason.ENTRY_NOT_CALLED, command.entryId(), state, entry -> {
            int attempt = entry.attempts() + 1;
            RetryPolicy retry = state.settings().retry();
            Instant retryAt = attempt > retry.maxRetries() ? null : command.failedAt().plus(retry.delayBefore(attempt));
            return accept(new EntryFailed(command.queueId(), entry.entryId(), command.reason(), attempt,
                    command.failedAt(), retryAt));
        });
    }

    /**
     * Every held entry whose time has come, in the order they fell due. Not during an emergency stop: the timer's
     * command is refused then, and fires again once the queue is resumed.
     */
    static Decision release(ReleaseDueEntries command, QueueState state) {
        if (state.status() == QueueStatus.EMERGENCY_STOPPED) {
            return stopped(state);
        }
        var due = state.heldDueBy(command.asOf());
        if (due.isEmpty()) {
            return reject(RejectionReason.INVALID_COMMAND,
                    "no entry of queue " + state.queueId() + " is due by " + command.asOf());
        }
        return new Decision.Accepted(due.stream()
                .<QueueEvent>map(entry -> new EntryReleased(command.queueId(), entry.entryId())).toList());
    }

    /**
     * Staff override. Under strict priority the entry keeps its ticket, so among its new priority it is placed by when
     * it joined; in a weighted queue it is placed in its new class as if it joined it now. Either way a staff decision
     * is final: the entry no longer ages.
     */
    static Decision changePriority(ChangePriority command, QueueState state) {
        return whenWaiting(command.entryId(), state, entry -> entry.priority() == command.priority()
                ? reject(RejectionReason.INVALID_COMMAND,
                        "entry " + entry.entryId() + " already has priority " + entry.priority())
                : accept(new EntryPriorityChanged(command.queueId(), entry.entryId(), entry.priority(),
                        command.priority(), command.justification(),
                        CallingOrder.placementKey(state, command.priority(), entry.ticket()))));
    }

    /**
     * Every callable entry past its class's aging limit moves one class up, each against the state the previous
     * promotions leave. Like a release, not during an emergency stop.
     */
    static Decision promote(PromoteAgedEntries command, QueueState state) {
        if (state.status() == QueueStatus.EMERGENCY_STOPPED) {
            return stopped(state);
        }
        var aged = state.agedBy(command.asOf());
        if (aged.isEmpty()) {
            return reject(RejectionReason.INVALID_COMMAND,
                    "no entry of queue " + state.queueId() + " reached its aging limit by " + command.asOf());
        }
        List<QueueEvent> events = new ArrayList<>(aged.size());
        QueueState next = state;
        for (Entry entry : aged) {
            Priority to = Priority.values()[entry.priority().ordinal() - 1];
            QueueEvent promoted = new EntryPromoted(command.queueId(), entry.entryId(), entry.priority(), to,
                    CallingOrder.promotionKey(next, entry, to), entry.agingDue());
            next = QueueDecider.evolve(next, promoted);
            events.add(promoted);
        }
        return new Decision.Accepted(events);
    }

    private static Decision whenCalled(String entryId, QueueState state, Supplier<Decision> then) {
        return whenEntryIs(EntryStatus.CALLED, RejectionReason.ENTRY_NOT_CALLED, entryId, state, entry -> then.get());
    }

    /** WAITING and not under way to another queue. */
    static Decision whenWaiting(String entryId, QueueState state, Function<Entry, Decision> then) {
        return whenEntryIs(EntryStatus.WAITING, RejectionReason.ENTRY_NOT_WAITING, entryId, state,
                entry -> entry.inTransfer() ? Transfers.underWay(entry) : then.apply(entry));
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

    static Decision entryNotFound(String entryId, QueueState state) {
        return reject(RejectionReason.ENTRY_NOT_FOUND, "no active entry " + entryId + " in queue "
                + state.queueId() + " (finished entries are forgotten)");
    }
}
