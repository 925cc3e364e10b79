package io.ledgerline.projection.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LineUpdateTest {

    private static final Instant AT = Instant.parse("2026-11-25T09:00:00Z");

    private static ProjectedEvent event(String queueId, long sequence) {
        return new ProjectedEvent("ev-" + queueId + sequence, queueId, sequence, AT.plusSeconds(sequence), "EntryJoined",
                new Change.SequenceOnly());
    }

    private static ProjectionOutcome redis(SequenceCheck check, long last, LineMove... moves) {
        ApplyOutcome outcome = new ApplyOutcome(check, last, List.of(moves));
        return new ProjectionOutcome(outcome, new ApplyOutcome(check, last));
    }

    private static LineMove left(String entry, long rank) {
        return new LineMove(LineMove.Kind.LEFT, entry, rank);
    }

    @Test
    void aQueuesAppliedEventsMakeOneUpdateFromTheSequenceBeforeTheFirst() {
        List<ProjectedEvent> events = List.of(event("a", 4), event("b", 9), event("a", 5));
        WrittenBatch written = new WrittenBatch(List.of(
                redis(SequenceCheck.APPLY, 3, left("x", 1)),
                redis(SequenceCheck.APPLY, 8),
                redis(SequenceCheck.APPLY, 4, left("y", 2), new LineMove(LineMove.Kind.ENTERED, "y", 1))),
                Map.of("a", 7L, "b", 0L));

        assertThat(LineUpdate.of(events, written)).containsExactly(
                new LineUpdate("a", 3, 5, AT.plusSeconds(5), 7,
                        List.of(left("x", 1), left("y", 2), new LineMove(LineMove.Kind.ENTERED, "y", 1)), false),
                new LineUpdate("b", 8, 9, AT.plusSeconds(9), 0, List.of(), false));
    }

    @Test
    void repeatedEventsOrAReshuffleAskForASnapshotAndAGapEndsTheRun() {
        List<ProjectedEvent> events = List.of(event("a", 4), event("a", 5), event("b", 2), event("b", 4),
                event("c", 1));
        WrittenBatch written = new WrittenBatch(List.of(
                redis(SequenceCheck.SKIP, 5),
                redis(SequenceCheck.SKIP, 5),
                redis(SequenceCheck.APPLY, 1, new LineMove(LineMove.Kind.RESHUFFLED, null, 0)),
                redis(SequenceCheck.GAP, 2),
                ProjectionOutcome.heldBackByPostgres(new ApplyOutcome(SequenceCheck.GAP, 0))),
                Map.of("a", 3L, "b", 10L));

        assertThat(LineUpdate.of(events, written)).containsExactly(
                new LineUpdate("a", 5, 5, AT.plusSeconds(5), 3, List.of(), true),
                new LineUpdate("b", 1, 2, AT.plusSeconds(2), 10,
                        List.of(new LineMove(LineMove.Kind.RESHUFFLED, null, 0)), true));
    }
}
