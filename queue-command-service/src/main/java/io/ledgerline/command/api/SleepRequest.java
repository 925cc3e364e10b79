package io.ledgerline.command.api;

import java.time.Instant;

/** Body of POST /queues/{queueId}/sleep: no call-next before {@code until} (ISO-8601). */
public record SleepRequest(Instant until) {}
