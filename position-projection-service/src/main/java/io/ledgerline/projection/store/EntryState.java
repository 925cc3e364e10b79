package io.ledgerline.projection.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.ledgerline.projection.model.Change;
import io.ledgerline.projection.model.EntryStatus;
import io.ledgerline.projection.model.Priority;
import io.ledgerline.projection.model.ServedElsewhere;
import io.ledgerline.projection.store.PgBatchChanges.EntryKey;

/**
 * One entry row. {@code heldUntil} is set only while HELD (when it is due), ADMITTED (when the admission ends) or
 * SERVED_ELSEWHERE and still scheduled (not released yet); {@code counter} is that of the last call, kept after
 * it as the desk that last dealt with the entry. {@code servedElsewhere}: while SERVED_ELSEWHERE, the services of
 * its person that hold it ({@link ServedElsewhere#ref}), in the order they began; empty otherwise.
 */
record EntryState(String queueId, String entryId, Priority priority, long ticket, EntryStatus status,
        String number, Instant joinedAt, Instant calledAt, String counter, Instant finishedAt, Instant heldUntil,
        int attempts, long updatedSequence, List<String> servedElsewhere) {

    EntryState {
        servedElsewhere = List.copyOf(servedElsewhere);
    }

    /** Held for no service elsewhere: every status but SERVED_ELSEWHERE. */
    EntryState(String queueId, String entryId, Priority priority, long ticket, EntryStatus status, String number,
            Instant joinedAt, Instant calledAt, String counter, Instant finishedAt, Instant heldUntil,
            int attempts, long updatedSequence) {
        this(queueId, entryId, priority, ticket, status, number, joinedAt, calledAt, counter, finishedAt,
                heldUntil, attempts, updatedSequence, List.of());
    }

    static EntryState joined(String queueId, Change.EntryJoined c, long sequence) {
        return new EntryState(queueId, c.entryId(), c.priority(), c.ticket(),
                c.held() ? EntryStatus.HELD : EntryStatus.WAITING, c.number(), c.joinedAt(), null, null, null,
                c.heldUntil(), 0, sequence);
    }

    EntryKey key() {
        return new EntryKey(queueId, entryId);
    }

    EntryState called(Change.EntryCalled c, long sequence) {
        String calledNumber = c.number() != null ? c.number() : number;
        return new EntryState(queueId, entryId, priority, ticket, EntryStatus.CALLED, calledNumber, joinedAt,
                c.calledAt(), c.counter(), finishedAt, null, attempts, sequence);
    }

    EntryState finished(EntryStatus finalStatus, Instant at, long sequence) {
        return new EntryState(queueId, entryId, priority, ticket, finalStatus, number, joinedAt, calledAt, counter,
                at, null, attempts, sequence);
    }

    /** Back in the line (at the order key Redis kept): no longer called (requeued) or no longer held (released). */
    EntryState waiting(long sequence) {
        return new EntryState(queueId, entryId, priority, ticket, EntryStatus.WAITING, number, joinedAt, null,
                counter, finishedAt, null, attempts, sequence);
    }

    /** The row's held_until is the admission's end while ADMITTED, as it is the due time while HELD. */
    EntryState admitted(Change.EntryAdmitted c, long sequence) {
        String admittedNumber = c.number() != null ? c.number() : number;
        return new EntryState(queueId, entryId, priority, ticket, EntryStatus.ADMITTED, admittedNumber, joinedAt,
                c.admittedAt(), counter, finishedAt, c.expiresAt(), attempts, sequence);
    }

    EntryState transferring(long sequence) {
        return new EntryState(queueId, entryId, priority, ticket, EntryStatus.TRANSFERRING, number, joinedAt,
                calledAt, counter, finishedAt, null, attempts, sequence);
    }

    EntryState failed(Change.EntryFailed c, long sequence) {
        if (c.isFinal()) {
            return new EntryState(queueId, entryId, priority, ticket, EntryStatus.FAILED, number, joinedAt,
                    calledAt, counter, c.failedAt(), null, c.attempt(), sequence);
        }
        // Not called any more, as after a requeue; held outside the line until released.
        return new EntryState(queueId, entryId, priority, ticket, EntryStatus.HELD, number, joinedAt, null,
                counter, finishedAt, c.retryAt(), c.attempt(), sequence);
    }

    /** Moved to another class, by staff or by a promotion; where it now stands in the line is Redis' concern. */
    EntryState reprioritised(Priority to, long sequence) {
        return new EntryState(queueId, entryId, to, ticket, status, number, joinedAt, calledAt, counter,
                finishedAt, heldUntil, attempts, sequence, servedElsewhere);
    }

    /**
     * Held for one more service of its person elsewhere. A scheduled (or retry-held) entry keeps its held_until:
     * back from every service before its release, it is HELD again, not in the line.
     */
    EntryState heldElsewhere(ServedElsewhere service, long sequence) {
        List<String> services = new ArrayList<>(servedElsewhere);
        if (!services.contains(service.ref())) {
            services.add(service.ref());
        }
        return servedElsewhere(heldUntil, services, sequence);
    }

    /** Due now, but still held elsewhere: back from there, it goes to the line. */
    EntryState releasedWhileServedElsewhere(long sequence) {
        return servedElsewhere(null, servedElsewhere, sequence);
    }

    /**
     * One service elsewhere ended. The domain's count decides: while it is above 0 the entry stays held; at 0 it
     * is back, HELD if still scheduled, else WAITING (Redis puts it at its kept key, its place).
     */
    EntryState backFromElsewhere(Change.EntryBackFromServiceElsewhere c, long sequence) {
        if (!c.back()) {
            List<String> services = new ArrayList<>(servedElsewhere);
            services.remove(c.service().ref());
            return servedElsewhere(heldUntil, services, sequence);
        }
        return new EntryState(queueId, entryId, priority, ticket,
                heldUntil != null ? EntryStatus.HELD : EntryStatus.WAITING, number, joinedAt, calledAt, counter,
                finishedAt, heldUntil, attempts, sequence);
    }

    private EntryState servedElsewhere(Instant scheduledUntil, List<String> services, long sequence) {
        return new EntryState(queueId, entryId, priority, ticket, EntryStatus.SERVED_ELSEWHERE, number, joinedAt,
                calledAt, counter, finishedAt, scheduledUntil, attempts, sequence, services);
    }
}
