package io.ledgerline.queue;

import java.time.Instant;

/**
 * Commits the queue to an opening lottery drawn at {@code drawAt}, by the hash of a seed the caller keeps secret until
 * then (see {@link Lottery}).
 */
public record CommitLottery(String queueId, String lotteryId, String seedHash, Instant drawAt, Instant requestedAt)
        implements QueueCommand {}
