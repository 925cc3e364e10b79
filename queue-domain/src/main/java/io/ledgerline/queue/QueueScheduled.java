package io.ledgerline.queue;

import java.time.Instant;

/** The queue's plan of openings and closings is now this one (both null: no plan). */
public record QueueScheduled(String queueId, Instant opensAt, Instant closesAt) implements QueueEvent {}
