package io.ledgerline.queue;

import java.time.Instant;

/**
 * Serving the entry failed for the {@code attempt}-th time. With a {@code retryAt} it waits, held, until then, keeping
 * its ticket; without one (null) it has used up its retries and ended FAILED: the queue forgets it.
 */
public record EntryFailed(String queueId, String entryId, String reason, int attempt, Instant failedAt,
                          Instant retryAt) implements QueueEvent {

    public boolean isFinal() {
        return retryAt == null;
    }
}
