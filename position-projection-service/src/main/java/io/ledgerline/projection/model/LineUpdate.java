package io.ledgerline.projection.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one queue's waiting line moved in one batch, for {@code ledgerline.position-updates.v1}: from the line at
 * {@code fromSequence} to the line at {@code sequence}, by {@code moves} in order.
 *
 * @param snapshotNeeded the moves do not tell a subscriber the whole story: the batch repeated events already applied
 *                       (what was published for them may have been lost in a crash), or the line was reshuffled
 */
public record LineUpdate(String queueId, long fromSequence, long sequence, Instant occurredAt, long waiting,
        List<LineMove> moves, boolean snapshotNeeded) {

    /** One update per queue that Redis applied or repeated events of, in the order the queues first appear. */
    public static List<LineUpdate> of(List<ProjectedEvent> events, WrittenBatch written) {
        List<LineUpdate> updates = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> queue : EventsByQueue.of(events).entrySet()) {
            Long waiting = written.waiting().get(queue.getKey());
            if (waiting != null) {
                of(queue.getKey(), queue.getValue(), events, written.outcomes(), waiting).ifPresent(updates::add);
            }
        }
        return updates;
    }

    private static Optional<LineUpdate> of(String queueId, List<Integer> positions,
            List<ProjectedEvent> events, List<ProjectionOutcome> outcomes, long waiting) {
        long from = -1;
        long sequence = -1;
        Instant at = null;
        boolean applied = false;
        boolean repeated = false;
        boolean reshuffled = false;
        List<LineMove> moves = new ArrayList<>();
        for (int position : positions) {
            ApplyOutcome redis = outcomes.get(position).redis();
            ProjectedEvent event = events.get(position);
            switch (redis.check()) {
                case SKIP -> {
                    repeated = true;
                    if (!applied) {
                        from = event.sequence();
                        sequence = event.sequence();
                        at = event.occurredAt();
                    }
                }
                case APPLY -> {
                    if (!applied) {
                        from = redis.lastApplied();
                        applied = true;
                    }
                    sequence = event.sequence();
                    at = event.occurredAt();
                    for (LineMove move : redis.moves()) {
                        reshuffled |= move.kind() == LineMove.Kind.RESHUFFLED;
                        moves.add(move);
                    }
                }
                case GAP -> {
                    // Nothing after a gap was applied.
                }
            }
        }
        if (sequence < 0) {
            return Optional.empty();
        }
        return Optional.of(new LineUpdate(queueId, from, sequence, at, waiting, List.copyOf(moves),
                repeated || reshuffled));
    }
}
