package io.ledgerline.queue;

import java.time.Instant;

/** Ends every admission whose time is up by {@code asOf}. Sent by the owner's timer. */
public record ExpireAdmissions(String queueId, Instant asOf) implements QueueCommand {}
