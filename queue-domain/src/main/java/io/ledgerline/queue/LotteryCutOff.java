package io.ledgerline.queue;

import java.time.Instant;

/** Who is in the draw is frozen: the entries with a ticket up to {@code lastTicket} still waiting at the draw. */
public record LotteryCutOff(String queueId, String lotteryId, long lastTicket, Instant cutOffAt) implements QueueEvent {}
