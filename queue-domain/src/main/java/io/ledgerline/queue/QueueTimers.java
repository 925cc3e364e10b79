package io.ledgerline.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

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
        return timers(state).stream().map(Timer::at).min(Instant::compareTo);
    }

    /**
     * The commands due at {@code now}, in the order to decide them (a planned opening before a planned closing, so a
     * window that passed while nobody owned the partition still opens and closes); empty when nothing is due yet. A
     * release names the earliest entry's time in its id, never {@code now}, so two firings for the same entries share
     * one id.
     */
    public static List<TimerCommand> due(QueueState state, Instant now) {
        return timers(state).stream().filter(timer -> !now.isBefore(timer.at()))
                .map(timer -> new TimerCommand(timer.id(), timer.command().apply(now))).toList();
    }

    /** One thing the queue will do by itself: when, under which id, and the command it takes at the time of firing. */
    private record Timer(Instant at, String id, Function<Instant, QueueCommand> command) {}

    /**
     * Every timer of the queue, in the order to decide them when several are due: the one list both {@link #nextDue}
     * and {@link #due} read, so they cannot disagree.
     */
    private static List<Timer> timers(QueueState state) {
        List<Timer> timers = new ArrayList<>();
        if (!state.exists()) {
            return timers;
        }
        String queueId = state.queueId();
        wakeAt(state).ifPresent(at -> timers.add(timer("wake", at, now -> new WakeQueue(queueId))));
        // A lottery is cut off and drawn before the queue opens on the same instant, and nobody is called meanwhile.
        Lottery lottery = state.lottery();
        if (lottery != null) {
            timers.add(lottery.cutOff()
                    ? new Timer(lottery.drawAt(), "timer.lottery-draw." + lottery.lotteryId(),
                            now -> new DrawLottery(queueId, lottery.lotteryId(), null))
                    : new Timer(lottery.drawAt(), "timer.lottery-cut." + lottery.lotteryId(),
                            now -> new CutOffLottery(queueId, now)));
        }
        Optional.ofNullable(state.schedule().opensAt())
                .ifPresent(at -> timers.add(timer("open", at, now -> new OpenQueue(queueId, at))));
        Optional.ofNullable(state.schedule().closesAt())
                .ifPresent(at -> timers.add(timer("close", at, now -> new CloseQueue(queueId, at))));
        state.nextRelease().ifPresent(at -> timers.add(timer("release", at, now -> new ReleaseDueEntries(queueId, now))));
        state.nextPromotion().ifPresent(at -> timers.add(timer("age", at, now -> new PromoteAgedEntries(queueId, now))));
        // Expiries before admissions, so that an admission decided in the same round finds the places they free.
        state.nextExpiry().ifPresent(at -> timers.add(timer("expire", at, now -> new ExpireAdmissions(queueId, now))));
        Admissions.nextAdmission(state)
                .ifPresent(at -> timers.add(timer("admit", at, now -> new AdmitDueEntries(queueId, now))));
        return timers;
    }

    /** A timer whose id is its kind and the instant it is due: {@code timer.<kind>.<epoch ms>}. */
    private static Timer timer(String kind, Instant at, Function<Instant, QueueCommand> command) {
        return new Timer(at, "timer." + kind + "." + at.toEpochMilli(), command);
    }

    private static Optional<Instant> wakeAt(QueueState state) {
        return state.exists() && state.status() == QueueStatus.SLEEPING
                ? Optional.ofNullable(state.sleepingUntil()) : Optional.empty();
    }
}
