package io.ledgerline.projection.api;

import java.time.Instant;

import io.ledgerline.projection.model.EntryStatus;
import io.ledgerline.projection.model.EntryView;
import io.ledgerline.projection.model.Priority;

/** @param position 1-based place in the waiting line while WAITING, null otherwise */
public record EntryResponse(String queueId, String entryId, EntryStatus status, Priority priority, Long position,
        long ticket, Instant joinedAt) {

    static EntryResponse of(EntryView entry, Long position) {
        return new EntryResponse(entry.queueId(), entry.entryId(), entry.status(), entry.priority(), position,
                entry.ticket(), entry.joinedAt());
    }
}
