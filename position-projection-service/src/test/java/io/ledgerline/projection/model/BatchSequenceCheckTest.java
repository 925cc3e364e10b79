package io.ledgerline.projection.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BatchSequenceCheckTest {

    private static ProjectedEvent event(String queueId, long sequence) {
        return new ProjectedEvent("ev-" + queueId + sequence, queueId, sequence, Instant.EPOCH, "QueueWoken",
                new Change.QueueStatusSet(QueueStatus.OPEN));
    }

    private static List<SequenceCheck> checks(Map<String, Long> last, ProjectedEvent... events) {
        return BatchSequenceCheck.of(last, List.of(events)).stream().map(ApplyOutcome::check).toList();
    }

    @Test
    void eachEventIsCheckedAgainstTheOneBeforeItInTheBatch() {
        assertThat(checks(Map.of("a", 4L), event("a", 5), event("a", 6), event("a", 7)))
                .containsExactly(SequenceCheck.APPLY, SequenceCheck.APPLY, SequenceCheck.APPLY);
    }

    @Test
    void aQueueWithoutARowStartsAtZero() {
        List<ApplyOutcome> outcomes = BatchSequenceCheck.of(Map.of(), List.of(event("new", 1), event("new", 2)));
        assertThat(outcomes).containsExactly(new ApplyOutcome(SequenceCheck.APPLY, 0),
                new ApplyOutcome(SequenceCheck.APPLY, 1));
    }

    @Test
    void redeliveriesAreSkippedAndTheRestApplies() {
        assertThat(checks(Map.of("a", 5L), event("a", 4), event("a", 5), event("a", 6), event("a", 6)))
                .containsExactly(SequenceCheck.SKIP, SequenceCheck.SKIP, SequenceCheck.APPLY, SequenceCheck.SKIP);
    }

    @Test
    void aGapHoldsBackTheRestOfItsQueueButNotOtherQueues() {
        List<ApplyOutcome> outcomes = BatchSequenceCheck.of(Map.of("a", 2L, "b", 0L), List.of(
                event("a", 3), event("b", 1), event("a", 5), event("b", 2), event("a", 4), event("a", 1),
                event("b", 3)));

        assertThat(outcomes).extracting(ApplyOutcome::check).containsExactly(
                SequenceCheck.APPLY, SequenceCheck.APPLY, SequenceCheck.GAP, SequenceCheck.APPLY,
                SequenceCheck.GAP, SequenceCheck.GAP, SequenceCheck.APPLY);
        // The gap names what was expected: the event after the last one applied.
        assertThat(outcomes.get(2).expected()).isEqualTo(4);
        assertThat(outcomes.get(4).expected()).isEqualTo(4);
    }

    @Test
    void theLastAppliedSequenceMovesOnWithEachApply() {
        BatchSequenceCheck check = new BatchSequenceCheck(Map.of("a", 1L));
        check.next(event("a", 2));
        check.next(event("a", 3));
        check.next(event("a", 9));
        assertThat(check.lastApplied("a")).isEqualTo(3);
        assertThat(check.lastApplied("unknown")).isZero();
    }
}
