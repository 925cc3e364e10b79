package io.ledgerline.projection.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the events of one batch, in batch order, against each queue's last applied sequence exactly as
 * {@link SequenceCheck} checks one event against a store, the last applied sequence moving on with each APPLY.
 * A gap holds back the rest of its queue: every later event of that queue in the batch is reported as part of the
 * gap, so nothing at or after it is applied, while the other queues of the batch carry on.
 */
public final class BatchSequenceCheck {

    private final Map<String, Long> lastApplied;
    private final Set<String> stoppedOnGap = new HashSet<>();

    /** @param lastApplied per queue, the last sequence the store applied; a queue it does not know starts at 0 */
    public BatchSequenceCheck(Map<String, Long> lastApplied) {
        this.lastApplied = new HashMap<>(lastApplied);
    }

    /** The outcomes of the events, in their order. */
    public static List<ApplyOutcome> of(Map<String, Long> lastApplied, List<ProjectedEvent> events) {
        BatchSequenceCheck check = new BatchSequenceCheck(lastApplied);
        return events.stream().map(check::next).toList();
    }

    public ApplyOutcome next(ProjectedEvent event) {
        String queueId = event.queueId();
        long last = lastApplied(queueId);
        if (stoppedOnGap.contains(queueId)) {
            return new ApplyOutcome(SequenceCheck.GAP, last);
        }
        SequenceCheck check = SequenceCheck.of(last, event.sequence());
        if (check == SequenceCheck.APPLY) {
            lastApplied.put(queueId, event.sequence());
        } else if (check == SequenceCheck.GAP) {
            stoppedOnGap.add(queueId);
        }
        return new ApplyOutcome(check, last);
    }

    public long lastApplied(String queueId) {
        return lastApplied.getOrDefault(queueId, 0L);
    }
}
