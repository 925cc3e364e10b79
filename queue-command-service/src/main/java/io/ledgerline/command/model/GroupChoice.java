package io.ledgerline.command.model;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Which queue of a group a join goes to first: the one with the shortest expected wait now, estimated as the people
 * ahead (its waiting count, plus the joiner) over its observed service rate. A queue that served almost nobody lately
 * is taken to serve at least {@link #MIN_PER_HOUR} an hour, so a new or quiet queue is not thought infinitely slow.
 * Queues that take no joins (closed, stopped) are left out; the rest are all tried, best first, since a join may still
 * be refused (full, outside hours).
 */
public final class GroupChoice {

    public static final double MIN_PER_HOUR = 4;
    private static final Set<String> TAKES_JOINS = Set.of("OPEN", "PAUSED", "SLEEPING");

    private GroupChoice() {
    }

    /** One queue of the group as the read side sees it now. */
    public record Load(String queueId, String status, long waitingCount, long completedPerHour) {

        /** Hours until a joiner would be served, roughly. */
        double expectedWait() {
            return (waitingCount + 1) / Math.max(completedPerHour, MIN_PER_HOUR);
        }
    }

    /** The queues that take joins, the shortest expected wait first (then fewer waiting, then by id). */
    public static List<String> ranked(List<Load> queues) {
        return queues.stream().filter(queue -> TAKES_JOINS.contains(queue.status()))
                .sorted(Comparator.comparingDouble(Load::expectedWait).thenComparingLong(Load::waitingCount)
                        .thenComparing(Load::queueId))
                .map(Load::queueId).toList();
    }
}
