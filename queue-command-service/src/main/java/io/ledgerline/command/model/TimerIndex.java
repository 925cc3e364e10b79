package io.ledgerline.command.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * When each queue of the book next has something due, ordered by that time, so that finding what is due costs the
 * number of due queues, not the number of queues. A queue leaves the index when its timer is taken and comes back
 * only when its state changes: a timer command that is rejected, or still on its way, is not sent again every poll.
 */
final class TimerIndex {

    /** A queue due at {@code at}; its partition travels along, for the command goes to that partition. */
    record Due(Instant at, String queueId, int partition) {}

    private static final Comparator<Due> ORDER = Comparator.comparing(Due::at).thenComparing(Due::queueId);

    private final TreeSet<Due> byTime = new TreeSet<>(ORDER);
    private final Map<String, Due> byQueue = new HashMap<>();

    /** Sets (or clears, for a null {@code at}) when the queue is next due. */
    void schedule(String queueId, int partition, Instant at) {
        Due old = byQueue.remove(queueId);
        if (old != null) {
            byTime.remove(old);
        }
        if (at != null) {
            Due due = new Due(at, queueId, partition);
            byQueue.put(queueId, due);
            byTime.add(due);
        }
    }

    /** Removes and returns every queue due at or before {@code now}, earliest first. */
    List<Due> take(Instant now) {
        List<Due> taken = new ArrayList<>();
        while (!byTime.isEmpty() && !byTime.first().at().isAfter(now)) {
            Due due = byTime.pollFirst();
            byQueue.remove(due.queueId());
            taken.add(due);
        }
        return taken;
    }

    int size() {
        return byQueue.size();
    }
}
