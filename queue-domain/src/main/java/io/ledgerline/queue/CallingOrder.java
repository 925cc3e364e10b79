package io.ledgerline.queue;

import java.time.Instant;

/**
 * The one place an entry's order key is decided. A queue calls its callable entries by ascending key (equal keys by
 * entry id), and every event that places an entry carries its key, so readers sort without knowing the policy.
 *
 * <p><b>Strict priority</b> (no weights): key = class index (URGENT 0 ... LOW 3) x {@link #STRIDE} + ticket. Every
 * URGENT key is below every HIGH key, and within a class the earlier ticket comes first.
 *
 * <p><b>Weighted fair order</b> (self-clocked fair queuing): the queue's virtual time is the largest key called so
 * far. An entry placed in class {@code c} gets key = max(virtual time, the largest key of an active class-c entry) +
 * step(c), where step(c) = {@link Ordering#SCALE} / weight(c). Within a class keys therefore rise in order of
 * placement (first come, first served), and between backlogged classes the calls divide by weight.
 *
 * <p>The bound it guarantees: an entry of class {@code c} placed with key {@code K} while the virtual time was
 * {@code V} is overtaken by at most {@code floor((K - V) / step(d))} entries of each other class {@code d} placed
 * after it. When nobody of its class waits before it, {@code K - V = step(c)}: at most {@code weight(d)/weight(c)}
 * entries of class {@code d} (a LOW entry in a clinic weighted 8/4/2/1 is overtaken by at most 8 + 4 + 2 = 14 later
 * arrivals); with {@code k} of its class before it and none of them leaving, at most {@code (k + 1)} times that.
 * {@code WeightedFairnessPropertiesTest} checks the bound on random histories.
 */
public final class CallingOrder {

    /** Larger than any ticket a queue hands out; 3 x STRIDE + a ticket stays below 2^53, exact in a double. */
    public static final long STRIDE = 10_000_000_000_000L;

    private CallingOrder() {
    }

    /** The key of an entry under strict priority, and of every entry in events written before keys existed. */
    public static long strictKey(Priority priority, long ticket) {
        return priority.ordinal() * STRIDE + ticket;
    }

    /** The key of an entry placed now in class {@code priority}: joining, or moved there by staff. */
    static long placementKey(QueueState state, Priority priority, long ticket) {
        Ordering ordering = state.settings().ordering();
        if (!ordering.weighted()) {
            return strictKey(priority, ticket);
        }
        long after = Math.max(state.virtualTime(), state.lastKeyIn(priority).orElse(Long.MIN_VALUE));
        return after + ordering.step(priority);
    }

    /** The key of an aged entry promoted into {@code to}: never behind where it stood. */
    static long promotionKey(QueueState state, Entry entry, Priority to) {
        return Math.min(entry.orderKey(), placementKey(state, to, entry.ticket()));
    }

    /** When an entry callable in class {@code priority} since {@code since} is promoted; null if the class does not age. */
    static Instant agingDue(QueueSettings settings, Priority priority, Instant since) {
        return settings.ordering().agingLimit(priority).map(since::plus).orElse(null);
    }
}
