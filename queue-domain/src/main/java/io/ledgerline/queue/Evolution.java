package io.ledgerline.queue;

import static io.ledgerline.queue.EntryStatus.CALLED;
import static io.ledgerline.queue.EntryStatus.WAITING;

import java.time.Instant;

/**
 * How each event changes the state; the body of {@link QueueDecider#evolve}. Every case is a few
 * O(log n) operations on persistent collections: nothing is copied whole.
 */
final class Evolution {

    private Evolution() {
    }

    static QueueState apply(QueueState state, QueueEvent event) {
        if (event instanceof QueueCreated created) {
            if (state.exists()) {
                throw corrupt(state, event, "the queue already exists");
            }
            return state.created(created.queueId(), created.name(), created.capacity(), created.settings());
        }
        if (!state.exists() || !state.queueId().equals(event.queueId())) {
            throw corrupt(state, event, "the event does not belong to this queue");
        }
        return switch (event) {
            case QueueCreated e -> throw corrupt(state, e, "unreachable");
            case QueueConfigured e -> state.configured(e.name(), e.capacity(), e.settings());
            case EntryJoined e -> {
                if (state.entry(e.entryId()).isPresent()) {
                    throw corrupt(state, e, "the entry is already active");
                }
                // Events written before entries had numbers carry none: they get the number they would have had.
                String number = e.number() != null ? e.number() : state.settings().numberFor(e.ticket());
                Instant agingDue = e.heldUntil() != null ? null
                        : CallingOrder.agingDue(state.settings(), e.priority(), e.joinedAt());
                yield state.withEntry(new Entry(e.entryId(), e.priority(), e.ticket(), WAITING, e.joinedAt(), number,
                        e.heldUntil(), 0, e.placedAt(), agingDue, e.details(), null));
            }
            case EntryLeft e -> state.withoutEntry(active(state, e, e.entryId()));
            case EntryCalled e -> state.withCalled(in(state, e, e.entryId(), WAITING).withStatus(CALLED));
            case EntryCompleted e -> state.withoutEntry(in(state, e, e.entryId(), CALLED));
            case EntryMarkedNoShow e -> state.withoutEntry(in(state, e, e.entryId(), CALLED));
            case EntryRequeued e -> state.withEntry(in(state, e, e.entryId(), CALLED).withStatus(WAITING));
            case EntryPriorityChanged e -> {
                Entry entry = in(state, e, e.entryId(), WAITING);
                long key = e.orderKey() != null ? e.orderKey() : CallingOrder.strictKey(e.to(), entry.ticket());
                yield state.withEntry(entry.placed(e.to(), key, null));
            }
            case EntryPromoted e -> state.withEntry(in(state, e, e.entryId(), WAITING).placed(e.to(), e.orderKey(),
                    CallingOrder.agingDue(state.settings(), e.to(), e.promotedAt())));
            case EntryTransferredOut e -> state.withoutEntry(in(state, e, e.entryId(), WAITING));
            case EntryTransferStarted e -> state.withEntry(in(state, e, e.entryId(), WAITING)
                    .transferring(e.targetQueueId()));
            case EntryTransferReturned e -> state.withEntry(in(state, e, e.entryId(), WAITING).transferring(null));
            case EntryHeldForServiceElsewhere e -> state.withEntry(in(state, e, e.entryId(), WAITING)
                    .servedAlsoAt(e.service()));
            case EntryBackFromServiceElsewhere e -> state.withEntry(in(state, e, e.entryId(), WAITING)
                    .backFrom(e.service()));
            case EntryAdmitted e -> state.withAdmitted(in(state, e, e.entryId(), WAITING).admitted(e.expiresAt()),
                    e.slot());
            case AdmissionExpired e -> state.withoutEntry(in(state, e, e.entryId(), CALLED));
            case QueuePaused e -> state.inStatus(QueueStatus.PAUSED);
            case QueueResumed e -> state.inStatus(QueueStatus.OPEN);
            case QueueSlept e -> state.sleepingUntil(e.until());
            case QueueWoken e -> state.inStatus(QueueStatus.OPEN);
            case QueueOpened e -> {
                QueueState opened = state.inStatus(QueueStatus.OPEN);
                yield e.scheduledFor() == null ? opened : opened.scheduled(state.schedule().withoutOpening());
            }
            case QueueClosed e -> {
                QueueState closed = closeOut(state.inStatus(QueueStatus.CLOSED), e, e.closedOut());
                yield e.scheduledFor() == null ? closed : closed.scheduled(state.schedule().withoutClosing());
            }
            case EntriesClosedOut e -> closeOut(state, e, e.entryIds());
            case EntryOverflowed e -> state; // the entry joins the overflow queue, not this one
            case QueueScheduled e -> state.scheduled(state.schedule().replanned(e.opensAt(), e.closesAt()));
            case LotteryCommitted e -> state.scheduled(state.schedule().withLottery(
                    new Lottery(e.lotteryId(), e.seedHash(), e.drawAt(), null)));
            case LotteryCutOff e -> state.scheduled(state.schedule().withLottery(state.lottery().cutAt(e.lastTicket())));
            case LotteryDrawn e -> state.scheduled(state.schedule().withLottery(null));
            case EntriesReordered e -> {
                QueueState reordered = state;
                for (int i = 0; i < e.entryIds().size(); i++) {
                    Entry entry = in(reordered, e, e.entryIds().get(i), WAITING);
                    reordered = reordered.withEntry(entry.placed(entry.priority(), e.orderKeys().get(i),
                            entry.agingDue()));
                }
                yield reordered;
            }
            case ScheduleLapsed e -> state.scheduled("open".equals(e.transition())
                    ? state.schedule().withoutOpening() : state.schedule().withoutClosing());
            case QueueEmergencyStopped e -> state.inStatus(QueueStatus.EMERGENCY_STOPPED);
            case EntryFailed e -> {
                Entry entry = in(state, e, e.entryId(), CALLED);
                yield e.isFinal() ? state.withoutEntry(entry)
                        : state.withEntry(entry.withHold(e.retryAt(), e.attempt(), null));
            }
            case EntryReleased e -> {
                Entry entry = active(state, e, e.entryId());
                if (!entry.held()) {
                    throw corrupt(state, e, "entry " + e.entryId() + " is not held");
                }
                // It has been callable since it fell due, and ages from then.
                yield state.withEntry(entry.withHold(null, entry.attempts(),
                        CallingOrder.agingDue(state.settings(), entry.priority(), entry.heldUntil())));
            }
        };
    }

    private static QueueState closeOut(QueueState state, QueueEvent event, java.util.List<String> entryIds) {
        QueueState after = state;
        for (String entryId : entryIds) {
            after = after.withoutEntry(in(after, event, entryId, WAITING));
        }
        return after;
    }

    private static Entry active(QueueState state, QueueEvent event, String entryId) {
        return state.entry(entryId).orElseThrow(() -> corrupt(state, event, "no active entry " + entryId));
    }

    private static Entry in(QueueState state, QueueEvent event, String entryId, EntryStatus expected) {
        Entry entry = active(state, event, entryId);
        if (entry.status() != expected) {
            throw corrupt(state, event, "entry " + entryId + " is " + entry.status() + ", expected " + expected);
        }
        return entry;
    }

    private static IllegalStateException corrupt(QueueState state, QueueEvent event, String why) {
        return new IllegalStateException("event " + event + " cannot follow " + state + ": " + why);
    }
}
