package io.ledgerline.projection.api;

import java.time.Instant;
import java.util.List;

import io.ledgerline.projection.model.EntryStatus;
import io.ledgerline.projection.model.EntryView;
import io.ledgerline.projection.model.Priority;

/**
 * @param position    1-based place in the waiting line while WAITING, null otherwise (a HELD entry is not in it)
 * @param entryNumber the number people see; null when the events carried none
 * @param counter     the counter or desk of the entry's last call, if any was said
 * @param heldUntil   while HELD, when the entry is due to become callable; while SERVED_ELSEWHERE, the same if it is
 *                    still scheduled (not released yet); null otherwise
 * @param attempts    failed attempts at serving the entry so far
 * @param admittedUntil while ADMITTED by a waiting room, when the admission expires; null otherwise
 * @param servedElsewhereIn while SERVED_ELSEWHERE, where its person is being served, {@code queueId/entryId} each,
 *                    in the order those services began; empty otherwise
 * @param sequence    the queue sequence this answer reflects (the last event applied when it was read)
 */
public record EntryResponse(String queueId, String entryId, EntryStatus status, Priority priority, Long position,
        long ticket, Instant joinedAt, String entryNumber, String counter, Instant heldUntil, int attempts,
        Instant admittedUntil, List<String> servedElsewhereIn, long sequence) {

    static EntryResponse of(EntryView entry, Long position, long sequence) {
        boolean admitted = entry.status() == EntryStatus.ADMITTED;
        return new EntryResponse(entry.queueId(), entry.entryId(), entry.status(), entry.priority(), position,
                entry.ticket(), entry.joinedAt(), entry.number(), entry.counter(), admitted ? null : entry.heldUntil(),
                entry.attempts(), admitted ? entry.heldUntil() : null, entry.servedElsewhere(), sequence);
    }
}
