package io.ledgerline.queue;

import java.time.Instant;

/** Calling stopped until the given time. */
public record QueueSlept(String queueId, Instant until) implements QueueEvent {}
