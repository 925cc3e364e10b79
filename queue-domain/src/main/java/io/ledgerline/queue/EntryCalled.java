package io.ledgerline.queue;

import java.time.Instant;

/** A waiting entry was called: "{@code number} to {@code counter}" ({@code counter} may be null). */
public record EntryCalled(String queueId, String entryId, Instant calledAt, String number, String counter)
        implements QueueEvent {}
