package io.ledgerline.projection.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class HistoryRankTest {

    private static ProjectedEvent event(long sequence) {
        return new ProjectedEvent("ev" + sequence, "q", sequence, Instant.EPOCH, "EntryJoined",
                new Change.SequenceOnly());
    }

    @Test
    void anEntryGetsTheRankItEnteredAtElseTheOneItLeftFromAndOnlyAppliedEventsCount() {
        List<ProjectedEvent> events = List.of(event(1), event(2), event(3), event(4));
        List<ApplyOutcome> outcomes = List.of(
                new ApplyOutcome(SequenceCheck.APPLY, 0, List.of(new LineMove(LineMove.Kind.ENTERED, "a", 3))),
                // A move: out of rank 5, in at rank 1; and someone else called from the head.
                new ApplyOutcome(SequenceCheck.APPLY, 1, List.of(new LineMove(LineMove.Kind.LEFT, "b", 5),
                        new LineMove(LineMove.Kind.ENTERED, "b", 1), new LineMove(LineMove.Kind.LEFT, "c", 1))),
                new ApplyOutcome(SequenceCheck.SKIP, 3, List.of()),
                new ApplyOutcome(SequenceCheck.APPLY, 3, List.of(new LineMove(LineMove.Kind.CLEARED, null, 0))));

        assertThat(HistoryRank.of(events, outcomes)).containsExactly(
                new HistoryRank("q", "a", 1, 3),
                new HistoryRank("q", "b", 2, 1),
                new HistoryRank("q", "c", 2, 1));
    }
}
