package io.ledgerline.queue;

/**
 * Reveals the seed of a cut-off lottery and draws it. Sent by the owner's timer, which alone knows the seed; the
 * domain only checks it against the commitment. {@code seed} is null in the timer's command until the owner fills it.
 */
public record DrawLottery(String queueId, String lotteryId, String seed) implements QueueCommand {

    /** The same command with the seed the owner keeps for it. */
    public DrawLottery withSeed(String revealed) {
        return new DrawLottery(queueId, lotteryId, revealed);
    }
}
