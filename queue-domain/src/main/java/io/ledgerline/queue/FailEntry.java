package io.ledgerline.queue;

import java.time.Instant;

/**
 * Serving a CALLED entry failed (the call was not answered, the job crashed): it comes back after the queue's retry
 * delay, or ends FAILED once it has failed more often than the retry policy allows.
 */
public record FailEntry(String queueId, String entryId, String reason, Instant failedAt) implements QueueCommand {}
