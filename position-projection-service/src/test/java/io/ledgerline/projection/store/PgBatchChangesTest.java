package io.ledgerline.projection.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ledgerline.projection.model.Change;
import io.ledgerline.projection.model.EntryStatus;
import io.ledgerline.projection.model.Priority;
import io.ledgerline.projection.model.ProjectedEvent;
import io.ledgerline.projection.model.QueueStatus;
import io.ledgerline.projection.store.PgBatchChanges.EntryKey;
import io.ledgerline.projection.store.PgBatchChanges.EntryState;
import io.ledgerline.projection.store.PgBatchChanges.HistoryRow;
import io.ledgerline.projection.store.PgBatchChanges.QueueState;

class PgBatchChangesTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static Instant at(long sequence) {
        return T0.plusSeconds(sequence);
    }

    private static ProjectedEvent event(long sequence, String type, Change change) {
        return new ProjectedEvent("ev-" + sequence, "q", sequence, at(sequence), type, change);
    }

    private static QueueState queue(long lastSequence) {
        return new QueueState("q", "Desk", 10, QueueStatus.OPEN, lastSequence, at(lastSequence));
    }

    @Test
    void joinCallAndCompleteInOneBatchLeaveTheFinalRowAndOneHistoryRowEach() {
        List<ProjectedEvent> batch = List.of(
                event(1, "QueueCreated", new Change.QueueCreated("Desk", 10)),
                event(2, "EntryJoined", new Change.EntryJoined("a", Priority.NORMAL, 1, at(2))),
                event(3, "EntryCalled", new Change.EntryCalled("a", at(3))),
                event(4, "EntryCompleted", new Change.EntryFinished("a", EntryStatus.COMPLETED, at(4))));

        PgBatchChanges changes = PgBatchChanges.fold(Map.of(), Map.of(), batch);

        assertThat(changes.queues()).containsExactly(new QueueState("q", "Desk", 10, QueueStatus.OPEN, 4, at(4)));
        assertThat(changes.entries()).containsExactly(new EntryState("q", "a", Priority.NORMAL, 1,
                EntryStatus.COMPLETED, at(2), at(3), at(4), 4));
        assertThat(changes.history()).extracting(HistoryRow::sequence, HistoryRow::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, EntryStatus.WAITING),
                        org.assertj.core.groups.Tuple.tuple(3L, EntryStatus.CALLED),
                        org.assertj.core.groups.Tuple.tuple(4L, EntryStatus.COMPLETED));
    }

    @Test
    void aStoredEntryIsChangedFromItsStoredRow() {
        EntryState stored = new EntryState("q", "a", Priority.LOW, 7, EntryStatus.CALLED, at(1), at(2), null, 2);
        List<ProjectedEvent> batch = List.of(
                event(3, "EntryRequeued", new Change.EntryRequeued("a")),
                event(4, "EntryPriorityChanged", new Change.EntryPriorityChanged("a", Priority.URGENT)));

        PgBatchChanges changes = PgBatchChanges.fold(Map.of("q", queue(2)), Map.of(stored.key(), stored), batch);

        assertThat(changes.entries()).containsExactly(new EntryState("q", "a", Priority.URGENT, 7,
                EntryStatus.WAITING, at(1), null, null, 4));
        assertThat(changes.history()).containsExactly(
                new HistoryRow("q", "a", 3, "EntryRequeued", EntryStatus.WAITING, Priority.LOW, at(3)),
                new HistoryRow("q", "a", 4, "EntryPriorityChanged", EntryStatus.WAITING, Priority.URGENT, at(4)));
        assertThat(changes.queues()).containsExactly(new QueueState("q", "Desk", 10, QueueStatus.OPEN, 4, at(4)));
    }

    @Test
    void aFinishedEntryThatJoinsAgainStartsOver() {
        EntryState stored = new EntryState("q", "a", Priority.LOW, 7, EntryStatus.LEFT, at(1), at(2), at(3), 3);
        List<ProjectedEvent> batch = List.of(
                event(4, "EntryJoined", new Change.EntryJoined("a", Priority.HIGH, 9, at(4))));

        PgBatchChanges changes = PgBatchChanges.fold(Map.of("q", queue(3)), Map.of(stored.key(), stored), batch);

        assertThat(changes.entries()).containsExactly(new EntryState("q", "a", Priority.HIGH, 9,
                EntryStatus.WAITING, at(4), null, null, 4));
    }

    @Test
    void anUnknownEntryLeavesNoRowButTheQueueMovesOn() {
        List<ProjectedEvent> batch = List.of(event(3, "EntryCalled", new Change.EntryCalled("ghost", at(3))));

        PgBatchChanges changes = PgBatchChanges.fold(Map.of("q", queue(2)), Map.of(), batch);

        assertThat(changes.entries()).isEmpty();
        assertThat(changes.history()).isEmpty();
        assertThat(changes.queues()).extracting(QueueState::lastSequence).containsExactly(3L);
    }

    @Test
    void queueEventsChangeNameCapacityAndStatus() {
        List<ProjectedEvent> batch = List.of(
                event(3, "QueueConfigured", new Change.QueueConfigured("Counter", 4)),
                event(4, "QueuePaused", new Change.QueueStatusSet(QueueStatus.PAUSED)));

        PgBatchChanges changes = PgBatchChanges.fold(Map.of("q", queue(2)), Map.of(), batch);

        assertThat(changes.queues()).containsExactly(
                new QueueState("q", "Counter", 4, QueueStatus.PAUSED, 4, at(4)));
    }

    @Test
    void onlyEntriesChangedBeforeTheyJoinInTheBatchAreRead() {
        List<ProjectedEvent> batch = List.of(
                event(1, "EntryJoined", new Change.EntryJoined("new", Priority.NORMAL, 1, at(1))),
                event(2, "EntryCalled", new Change.EntryCalled("new", at(2))),
                event(3, "EntryCalled", new Change.EntryCalled("old", at(3))),
                event(4, "QueuePaused", new Change.QueueStatusSet(QueueStatus.PAUSED)),
                event(5, "EntryCompleted", new Change.EntryFinished("old", EntryStatus.COMPLETED, at(5))));

        assertThat(PgBatchChanges.entriesToLoad(batch)).containsExactly(new EntryKey("q", "old"));
    }
}
