package io.ledgerline.queue;

import java.time.Instant;

/** Makes callable every held entry (scheduled, or waiting for its retry) whose time has come by {@code asOf}. */
public record ReleaseDueEntries(String queueId, Instant asOf) implements QueueCommand {}
