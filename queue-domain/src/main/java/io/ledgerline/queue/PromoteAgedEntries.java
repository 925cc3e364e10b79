package io.ledgerline.queue;

import java.time.Instant;

/** Moves one class up every callable entry that has reached its class's aging limit by {@code asOf}. */
public record PromoteAgedEntries(String queueId, Instant asOf) implements QueueCommand {}
