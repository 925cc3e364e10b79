package io.ledgerline.command.api;

import io.ledgerline.queue.EntryDetails;
import java.time.Instant;
import java.util.Map;

/**
 * Body of POST /queues/{queueId}/entries, and one entry of a batch; without an entryId the service makes one. A
 * {@code scheduledAt} in the future keeps the entry's ticket but makes it callable only from then on.
 */
public record JoinQueueRequest(String entryId, String priority, Instant scheduledAt, String type, String externalRef,
                               String personRef, Map<String, String> metadata) {

    EntryDetails details() {
        return new EntryDetails(type, externalRef, personRef, metadata);
    }
}
