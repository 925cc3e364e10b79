package io.ledgerline.queue;

import java.time.Instant;

/**
 * A callable entry waited its class's aging limit and moved one class up, to {@code orderKey} (never behind where it
 * stood). {@code promotedAt} is when the limit was reached, so a timer that fires late promotes to the same state.
 */
public record EntryPromoted(String queueId, String entryId, Priority from, Priority to, long orderKey,
                            Instant promotedAt) implements QueueEvent {}
