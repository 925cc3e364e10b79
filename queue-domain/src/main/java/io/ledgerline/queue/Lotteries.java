package io.ledgerline.queue;

import static io.ledgerline.queue.Decision.accept;
import static io.ledgerline.queue.Decision.reject;

import java.util.ArrayList;
import java.util.List;

/** The rules of an opening lottery: commit, cut off, draw (see {@link Lottery} for how anyone re-checks a draw). */
final class Lotteries {

    /** Entries per EntriesReordered event: ids are at most 128 characters, so a record stays far below 1 MB. */
    static final int REORDERED_PER_EVENT = 1_000;

    private Lotteries() {
    }

    static Decision commit(CommitLottery command, QueueState state) {
        if (state.status() == QueueStatus.EMERGENCY_STOPPED) {
            return QueueLifecycle.rejectForStatus(state, "queue " + state.queueId() + " is EMERGENCY_STOPPED");
        }
        if (state.lottery() != null) {
            return reject(RejectionReason.INVALID_COMMAND, "queue " + state.queueId() + " already has lottery "
                    + state.lottery().lotteryId() + " to draw at " + state.lottery().drawAt());
        }
        return accept(new LotteryCommitted(command.queueId(), command.lotteryId(), command.seedHash(), command.drawAt()));
    }

    static Decision cutOff(CutOffLottery command, QueueState state) {
        Lottery lottery = state.lottery();
        if (lottery == null || lottery.cutOff() || command.asOf().isBefore(lottery.drawAt())) {
            return reject(RejectionReason.INVALID_COMMAND, "queue " + state.queueId() + " has no lottery to cut off by "
                    + command.asOf());
        }
        return accept(new LotteryCutOff(command.queueId(), lottery.lotteryId(), state.nextTicket() - 1,
                lottery.drawAt()));
    }

    static Decision draw(DrawLottery command, QueueState state) {
        Lottery lottery = state.lottery();
        if (lottery == null || !lottery.cutOff() || !lottery.lotteryId().equals(command.lotteryId())) {
            return reject(RejectionReason.INVALID_COMMAND, "queue " + state.queueId() + " has no cut-off lottery "
                    + command.lotteryId());
        }
        if (!Lottery.commitmentOf(command.seed()).equals(lottery.seedHash())) {
            return reject(RejectionReason.INVALID_COMMAND, "the seed does not match lottery " + lottery.lotteryId()
                    + "'s commitment " + lottery.seedHash());
        }
        List<Entry> participants = participants(state, lottery);
        List<Long> keys = participants.stream().map(Entry::orderKey).sorted().toList();
        List<Entry> drawn = Lottery.draw(command.seed(), participants);
        List<QueueEvent> events = new ArrayList<>();
        events.add(new LotteryDrawn(command.queueId(), lottery.lotteryId(), command.seed(), drawn.size()));
        for (int from = 0; from < drawn.size(); from += REORDERED_PER_EVENT) {
            int to = Math.min(drawn.size(), from + REORDERED_PER_EVENT);
            events.add(new EntriesReordered(command.queueId(),
                    drawn.subList(from, to).stream().map(Entry::entryId).toList(), keys.subList(from, to)));
        }
        return new Decision.Accepted(events);
    }

    /** The entries in the line ({@link Entry#inLine}) with a ticket up to the cut-off, in ticket order. */
    static List<Entry> participants(QueueState state, Lottery lottery) {
        return state.activeEntries().stream()
                .filter(entry -> entry.inLine() && entry.ticket() <= lottery.cutOffTicket()).toList();
    }

    /** Between the cut-off and the draw nobody is called or admitted: the order is not known yet. */
    static boolean drawing(QueueState state) {
        return state.lottery() != null && state.lottery().cutOff();
    }
}
