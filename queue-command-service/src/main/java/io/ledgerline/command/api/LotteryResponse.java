package io.ledgerline.command.api;

import java.time.Instant;

/**
 * A lottery committed: its id, the commitment to its seed (SHA-256, lowercase hex) and when it is drawn; the seed is
 * revealed on the LotteryDrawn event then.
 */
public record LotteryResponse(String commandId, String queueId, String lotteryId, String seedHash, Instant drawAt,
                              long sequence) {}
