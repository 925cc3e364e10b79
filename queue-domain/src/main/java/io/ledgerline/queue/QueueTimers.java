package io.ledgerline.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a queue does by itself as time passes. The partition owner asks {@link #nextDue} after every change to know
 * when to look again, and {@link #due} with its clock's time when that moment comes; it then decides the commands
 * like any other and appends their events. Nothing here reads a clock, so replaying the log reproduces every timer's
 * effect, and a test moves time by passing another instant.
 *
 * <p>Each command comes with an id made from the queue's state (what is due and since when), never from the time of
 * asking: a timer that fires twice, after a restart or a rebalance, sends the same id, and the command service's
 * idempotency window answers the second with the first outcome instead of appending again.
 */
public final class QueueTimers {

    private QueueTimers() {
    }

    /** A command the passing of time calls for, and its deterministic id. */
    public record TimerCommand(String commandId, QueueCommand command) {}

    /** When this queue next has something to do by itself; empty while nothing is scheduled. */
    public static Optional<Instant> nextDue(QueueState state) {
        if (!state.exists()) {
            return Optional.empty();
        }
        return Stream.of(wakeAt(state), Optional.ofNullable(state.lottery()).map(Lottery::drawAt),
                        state.nextRelease(), state.nextPromotion(), Admissions.nextAdmission(state),
                        state.nextExpiry(),
                        Optional.ofNullable(state.schedule().opensAt()),
                        Optional.ofNullable(state.schedule().closesAt()))
                .flatMap(Optional::stream).min(Instant::compareTo);
    }

    /**
     * The commands due at {@code now}, in the order to decide them (a planned opening before a planned closing, so a
     * window that passed while nobody owned the partition still opens and closes); empty when nothing is due yet. A
     * release names the earliest entry's time in its id, never {@code now}, so two firings for the same entries share
     * one id.
     */
    public static List<TimerCommand> due(QueueState state, Instant now) {
        List<TimerCommand> due = new ArrayList<>(2);
        if (!state.exists()) {
            return due;
        }
        String queueId = state.queueId();
        wakeAt(state).filter(at -> !now.isBefore(at)).ifPresent(at ->
                due.add(new TimerCommand("timer.wake." + at.toEpochMilli(), new WakeQueue(queueId))));
        // A lottery is cut off and drawn before the queue opens on the same instant, and nobody is called meanwhile.
        Optional.ofNullable(state.lottery()).filter(lottery -> !now.isBefore(lottery.drawAt())).ifPresent(lottery ->
                due.add(lottery.cutOff()
                        ? new TimerCommand("timer.lottery-draw." + lottery.lotteryId(), new DrawLottery(queueId, lottery.lotteryId(), null))
                        : new TimerCommand("timer.lottery-cut." + lottery.lotteryId(),
                                new CutOffLottery(queueId, now))));
        Optional.ofNullable(state.schedule().opensAt()).filter(at -> !now.isBefore(at)).ifPresent(at ->
                due.add(new TimerCommand("timer.open." + at.toEpochMilli(), new OpenQueue(queueId, at))));
        Optional.ofNullable(state.schedule().closesAt()).filter(at -> !now.isBefore(at)).ifPresent(at ->
                due.add(new TimerCommand("timer.close." + at.toEpochMilli(), new CloseQueue(queueId, at))));
        state.nextRelease().filter(at -> !now.isBefore(at)).ifPresent(at -> due.add(new TimerCommand(
                "timer.release." + at.toEpochMilli(), new ReleaseDueEntries(queueId, now))));
        state.nextPromotion().filter(at -> !now.isBefore(at)).ifPresent(at -> due.add(new TimerCommand(
                "timer.age." + at.toEpochMilli(), new PromoteAgedEntries(queueId, now))));
        // Expiries before admissions, so that an admission decided in the same round finds the places they free.
        state.nextExpiry().filter(at -> !now.isBefore(at)).ifPresent(at -> due.add(new TimerCommand(
                "timer.expire." + at.toEpochMilli(), new ExpireAdmissions(queueId, now))));
        Admissions.nextAdmission(state).filter(at -> !now.isBefore(at)).ifPresent(at -> due.add(new TimerCommand(
                "timer.admit." + at.toEpochMilli(), new AdmitDueEntries(queueId, now))));
        return due;
    }

    private static Optional<Instant> wakeAt(QueueState state) {
        return state.exists() && state.status() == QueueStatus.SLEEPING
                ? Optional.ofNullable(state.sleepingUntil()) : Optional.empty();
    }
}
