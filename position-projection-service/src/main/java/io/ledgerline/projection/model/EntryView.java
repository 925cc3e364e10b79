package io.ledgerline.projection.model;

import java.time.Instant;

public record EntryView(String queueId, String entryId, EntryStatus status, Priority priority, long ticket,
        Instant joinedAt) {
}
