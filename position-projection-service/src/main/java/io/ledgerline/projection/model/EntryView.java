package io.ledgerline.projection.model;

import java.time.Instant;

/**
 * @param number     the human-readable number; null when the events carried none
 * @param counter    the counter or desk of the entry's last call; null if never called or unsaid
 * @param heldUntil  while HELD, when the entry is due to become callable (the release itself is an event)
 * @param attempts   failed attempts at serving it so far
 */
public record EntryView(String queueId, String entryId, EntryStatus status, Priority priority, long ticket,
        Instant joinedAt, String number, String counter, Instant heldUntil, int attempts) {
}
