package io.ledgerline.queue;

/**
 * The seed is revealed and the draw made: {@code participants} entries got new places, listed in the
 * {@link EntriesReordered} events that follow, in drawn order. Anyone can check it (see {@link Lottery}).
 */
public record LotteryDrawn(String queueId, String lotteryId, String seed, int participants) implements QueueEvent {}
