package io.ledgerline.projection.model;

import java.time.Instant;
import java.util.List;

/**
 * @param number     the human-readable number; null when the events carried none
 * @param counter    the counter or desk of the entry's last call; null if never called or unsaid
 * @param heldUntil  while HELD, when the entry is due to become callable (the release itself is an event); kept while
 *                   SERVED_ELSEWHERE until that release
 * @param attempts   failed attempts at serving it so far
 * @param servedElsewhere while SERVED_ELSEWHERE, the services of its person holding it ({@code queueId/entryId}),
 *                   in the order they began; empty otherwise
 * @param updatedSequence the queue sequence of the last event that changed this entry
 */
public record EntryView(String queueId, String entryId, EntryStatus status, Priority priority, long ticket,
        Instant joinedAt, String number, String counter, Instant heldUntil, int attempts,
        List<String> servedElsewhere, long updatedSequence) {

    public EntryView {
        servedElsewhere = List.copyOf(servedElsewhere);
    }
}
