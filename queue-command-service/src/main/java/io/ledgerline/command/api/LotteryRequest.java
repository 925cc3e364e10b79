package io.ledgerline.command.api;

import java.time.Instant;

/** {@code {"drawAt": "2026-12-01T10:00:00Z"}}: when everyone who joined so far is cut off and drawn. */
public record LotteryRequest(Instant drawAt) {}
