package io.ledgerline.queue;

import java.time.Instant;

/** Freezes who is in the committed lottery, once its draw time has come by {@code asOf}. Sent by the owner's timer. */
public record CutOffLottery(String queueId, Instant asOf) implements QueueCommand {}
