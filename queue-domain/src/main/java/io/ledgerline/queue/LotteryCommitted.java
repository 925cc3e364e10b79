package io.ledgerline.queue;

import java.time.Instant;

/** The queue will draw an opening lottery at {@code drawAt}, with the seed whose SHA-256 is {@code seedHash}. */
public record LotteryCommitted(String queueId, String lotteryId, String seedHash, Instant drawAt) implements QueueEvent {}
