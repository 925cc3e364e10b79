package io.ledgerline.queue;

import static io.ledgerline.queue.Decision.reject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One person in several queues at once. When an entry naming a person is called or admitted, the person is served
 * there ({@link #serviceChange}); their waiting entries in queues set to {@code holdWhileServedElsewhere} are then held
 * ({@link EntryHeldForServiceElsewhere}): they keep their place but nobody calls them, so the person is not called to
 * two desks at once. When that service ends (completed, no-show, failed, requeued, left, expired) they come back
 * ({@link EntryBackFromServiceElsewhere}). A person served in two queues at once is held for both, and comes back when
 * the last one ends.
 *
 * <p>The person's entries may be on any partition: the queue where the service begins or ends tells every partition
 * through the commands topic ({@link HoldPersonEntries}, {@link ReturnPersonEntries}), and each queue records its own
 * part as events. An entry that joins while its person is being served elsewhere, or a call in the moment before
 * the hold arrives, is not held: the hold follows the service's start, it does not travel back in time.
 */
public final class PersonHolds {

    private PersonHolds() {
    }

    /** What a bulk step asks of one queue: nothing when it has none of the person's entries to change. */
    static Optional<BulkControl.Step> stepFor(BulkCommand.ByPerson command, QueueState state) {
        QueueCommand perQueue = switch (command) {
            case HoldPersonEntries c -> state.settings().holdWhileServedElsewhere()
                    ? new HoldForServiceElsewhere(state.queueId(), c.personRef(), c.service()) : null;
            case ReturnPersonEntries c -> new ReturnFromServiceElsewhere(state.queueId(), c.personRef(), c.service());
        };
        if (perQueue == null || !state.hasEntriesOf(command.personRef())) {
            return Optional.empty();
        }
        return Optional.of(changes(perQueue, state).isEmpty() ? BulkControl.Step.ALREADY_DONE
                : new BulkControl.Step(perQueue));
    }

    static Decision hold(HoldForServiceElsewhere command, QueueState state) {
        if (!state.settings().holdWhileServedElsewhere()) {
            return reject(RejectionReason.INVALID_COMMAND, "queue " + state.queueId()
                    + " does not hold entries while their person is served elsewhere");
        }
        List<QueueEvent> events = changes(command, state);
        return events.isEmpty() ? nothingFor(command.personRef(), "to hold", state) : new Decision.Accepted(events);
    }

    static Decision giveBack(ReturnFromServiceElsewhere command, QueueState state) {
        List<QueueEvent> events = changes(command, state);
        return events.isEmpty() ? nothingFor(command.personRef(), "held for " + command.service(), state)
                : new Decision.Accepted(events);
    }

    /** The events a hold or a return makes in this queue, one per entry of the person it changes; maybe none. */
    private static List<QueueEvent> changes(QueueCommand command, QueueState state) {
        List<QueueEvent> events = new ArrayList<>();
        switch (command) {
            case HoldForServiceElsewhere c -> {
                for (Entry entry : state.entriesOf(c.personRef())) {
                    if (holdable(entry, state.queueId(), c.service())) {
                        events.add(new EntryHeldForServiceElsewhere(state.queueId(), entry.entryId(), c.service()));
                    }
                }
            }
            case ReturnFromServiceElsewhere c -> {
                for (Entry entry : state.entriesOf(c.personRef())) {
                    if (entry.servedElsewhere().contains(c.service())) {
                        events.add(new EntryBackFromServiceElsewhere(state.queueId(), entry.entryId(), c.service(),
                                entry.servedElsewhere().size() - 1));
                    }
                }
            }
            default -> throw new IllegalArgumentException("not a hold or a return: " + command);
        }
        return events;
    }

    /**
     * Waiting, not already held for this service and not the served entry itself. An entry under way to another
     * queue is left to its transfer: it is not callable here, and it stands in the target as a new join.
     */
    private static boolean holdable(Entry entry, String queueId, ServedElsewhere service) {
        boolean served = service.queueId().equals(queueId) && service.entryId().equals(entry.entryId());
        return entry.status() == EntryStatus.WAITING && !entry.inTransfer() && !served
                && !entry.servedElsewhere().contains(service);
    }

    private static Decision nothingFor(String personRef, String what, QueueState state) {
        return reject(RejectionReason.ENTRY_NOT_FOUND, "queue " + state.queueId() + " has no entry of person "
                + personRef + " " + what);
    }

    /**
     * Whether {@code event}, applied to {@code before}, begins or ends the service of an entry that names a person:
     * being called or admitted begins it; leaving CALLED in any way ends it.
     */
    public static Optional<PersonService> serviceChange(QueueState before, QueueEvent event) {
        return switch (event) {
            case EntryCalled e -> change(before, e.entryId(), EntryStatus.WAITING, true);
            case EntryAdmitted e -> change(before, e.entryId(), EntryStatus.WAITING, true);
            case EntryCompleted e -> change(before, e.entryId(), EntryStatus.CALLED, false);
            case EntryMarkedNoShow e -> change(before, e.entryId(), EntryStatus.CALLED, false);
            case EntryRequeued e -> change(before, e.entryId(), EntryStatus.CALLED, false);
            case EntryFailed e -> change(before, e.entryId(), EntryStatus.CALLED, false);
            case AdmissionExpired e -> change(before, e.entryId(), EntryStatus.CALLED, false);
            case EntryLeft e -> change(before, e.entryId(), EntryStatus.CALLED, false);
            default -> Optional.empty();
        };
    }

    private static Optional<PersonService> change(QueueState before, String entryId, EntryStatus from,
                                                  boolean started) {
        return before.entry(entryId)
                .filter(entry -> entry.status() == from && entry.details().personRef() != null)
                .map(entry -> new PersonService(entry.details().personRef(),
                        new ServedElsewhere(before.queueId(), entryId), started));
    }
}
