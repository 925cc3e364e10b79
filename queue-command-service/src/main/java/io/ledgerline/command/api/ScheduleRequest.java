package io.ledgerline.command.api;

import java.time.Instant;

/** Body of PUT /queues/{queueId}/schedule: when the queue opens and closes by itself (ISO-8601, either optional). */
public record ScheduleRequest(Instant opensAt, Instant closesAt) {}
