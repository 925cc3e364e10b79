package io.ledgerline.projection.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.ledgerline.projection.model.Change;
import io.ledgerline.projection.model.EntryStatus;
import io.ledgerline.projection.model.Planned;
import io.ledgerline.projection.model.Priority;
import io.ledgerline.projection.model.ProjectedEvent;
import io.ledgerline.projection.model.QueueStatus;
import io.ledgerline.projection.model.ServedElsewhere;
import io.ledgerline.projection.store.PgBatchChanges.EntryKey;
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

    /** Entry "a" of queue "q", number 007, joined at(1). */
    private static EntryState entry(Priority priority, long ticket, EntryStatus status, Instant calledAt,
            Instant finishedAt, Instant heldUntil, int attempts, long sequence) {
        return new EntryState("q", "a", priority, ticket, status, "007", at(1), calledAt, null, finishedAt, heldUntil,
                attempts, sequence);
    }

    private static QueueState queue(long lastSequence) {
        return new QueueState("q", "Desk", 10, QueueStatus.OPEN, lastSequence, at(lastSequence), null, null);
    }

    /** Entry {@code id} of queue "q" with ticket {@code ticket}, joined at(1), not called. */
    private static EntryState stored(String id, long ticket, EntryStatus status, Instant heldUntil) {
        return new EntryState("q", id, Priority.NORMAL, ticket, status, null, at(1), null, null, null, heldUntil, 0,
                ticket + 1);
    }

    private static final ServedElsewhere LAB = new ServedElsewhere("lab", "x-7");
    private static final ServedElsewhere DESK = new ServedElsewhere("desk", "y-2");

    private static ProjectedEvent heldFor(long sequence, ServedElsewhere service) {
        return event(sequence, "EntryHeldForServiceElsewhere", new Change.EntryHeldForServiceElsewhere("a", service));
    }

    private static ProjectedEvent backFrom(long sequence, ServedElsewhere service, int still) {
        return event(sequence, "EntryBackFromServiceElsewhere",
                new Change.EntryBackFromServiceElsewhere("a", service, still));
    }

    /** Entry "a" as {@link #entry}, served elsewhere at {@code services}. */
    private static EntryState servedElsewhere(Instant heldUntil, long sequence, String... services) {
        return new EntryState("q", "a", Priority.NORMAL, 7, EntryStatus.SERVED_ELSEWHERE, "007", at(1), null, null,
                null, heldUntil, 0, sequence, List.of(services));
    }

    @Test
    void aQueuesTagsAreItsLastCreatedOrConfiguredOnes() {
        List<ProjectedEvent> batch = List.of(
                event(1, "QueueCreated", new Change.QueueCreated("Desk", 10, List.of("east", "clinic"))),
                event(2, "QueueConfigured", new Change.QueueConfigured("Desk", 10, List.of("west"))));

        assertThat(PgBatchChanges.fold(Map.of(), Map.of(), batch).tags()).isEqualTo(Map.of("q", List.of("west")));
        assertThat(PgBatchChanges.fold(Map.of("q", queue(2)), Map.of(), List.of(event(3, "EntryJoined",
                new Change.EntryJoined("a", Priority.NORMAL, 1, at(3), "A-001", null, 1L)))).tags())
                .as("no settings in the batch: the stored tags stay").isEmpty();
    }

    @Test
    void joinCallAndCompleteInOneBatchLeaveTheFinalRowAndOneHistoryRowEach() {
        List<ProjectedEvent> batch = List.of(
                event(1, "QueueCreated", new Change.QueueCreated("Desk", 10)),
                event(2, "EntryJoined",
                        new Change.EntryJoined("a", Priority.NORMAL, 1, at(2), "A-001", null, 180_180L)),
                event(3, "EntryCalled", new Change.EntryCalled("a", at(3), "A-001", "desk 4")),
                event(4, "EntryCompleted", new Change.EntryFinished("a", EntryStatus.COMPLETED, at(4))));

        PgBatchChanges changes = PgBatchChanges.fold(Map.of(), Map.of(), batch);

        assertThat(changes.queues()).containsExactly(
                new QueueState("q", "Desk", 10, QueueStatus.OPEN, 4, at(4), null, null));
        assertThat(changes.entries()).containsExactly(new EntryState("q", "a", Priority.NORMAL, 1,
                EntryStatus.COMPLETED, "A-001", at(2), at(3), "desk 4", at(4), null, 0, 4));
        assertThat(changes.history()).extracting(HistoryRow::sequence, HistoryRow::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, EntryStatus.WAITING),
                        org.assertj.core.groups.Tuple.tuple(3L, EntryStatus.CALLED),
                        org.assertj.core.groups.Tuple.tuple(4L, EntryStatus.COMPLETED));
    }

    @Test
    void aStoredEntryIsChangedFromItsStoredRow() {
        EntryState stored = entry(Priority.LOW, 7, EntryStatus.CALLED, at(2), null, null, 0, 2);
        List<ProjectedEvent> batch = List.of(
                event(3, "EntryRequeued", new Change.EntryRequeued("a")),
                event(4, "EntryPriorityChanged", new Change.EntryPriorityChanged("a", Priority.URGENT, 90_090L)));

        PgBatchChanges changes = PgBatchChanges.fold(Map.of("q", queue(2)), Map.of(stored.key(), stored), batch);

        assertThat(changes.entries()).containsExactly(entry(Priority.URGENT, 7, EntryStatus.WAITING, null, null,
                null, 0, 4));
        assertThat(changes.history()).containsExactly(
                new HistoryRow("q", "a", 3, "EntryRequeued", EntryStatus.WAITING, Priority.LOW, at(3), null, null),
                new HistoryRow("q", "a", 4, "EntryPriorityChanged", EntryStatus.WAITING, Priority.URGENT, at(4), null, null));
        assertThat(changes.queues()).containsExactly(
                new QueueState("q", "Desk", 10, QueueStatus.OPEN, 4, at(4), null, null));
    }

    @Test
    void aPromotionChangesThePriorityAsAPriorityChangeDoesUnderItsOwnName() {
        EntryState stored = entry(Priority.LOW, 7, EntryStatus.WAITING, null, null, null, 0, 2);
        List<ProjectedEvent> batch = List.of(
                event(3, "EntryPromoted", new Change.EntryPriorityChanged("a", Priority.NORMAL, 540_540L)),
                event(4, "EntryPromoted", new Change.EntryPriorityChanged("a", Priority.HIGH, 360_360L)));

        PgBatchChanges changes = PgBatchChanges.fold(Map.of("q", queue(2)), Map.of(stored.key(), stored), batch);

        assertThat(changes.entries()).containsExactly(entry(Priority.HIGH, 7, EntryStatus.WAITING, null, null, null,
                0, 4));
        assertThat(changes.history()).containsExactly(
                new HistoryRow("q", "a", 3, "EntryPromoted", EntryStatus.WAITING, Priority.NORMAL, at(3), null, null),
                new HistoryRow("q", "a", 4, "EntryPromoted", EntryStatus.WAITING, Priority.HIGH, at(4), null, null));
    }

    @Test
    void aFinishedEntryThatJoinsAgainStartsOver() {
        EntryState stored = new EntryState("q", "a", Priority.LOW, 7, EntryStatus.FAILED, "007", at(1), at(2),
                "desk 1", at(3), null, 3, 3);
        List<ProjectedEvent> batch = List.of(
                event(4, "EntryJoined", new Change.EntryJoined("a", Priority.HIGH, 9, at(4), "009", null, 9L)));

        PgBatchChanges changes = PgBatchChanges.fold(Map.of("q", queue(3)), Map.of(stored.key(), stored), batch);

        assertThat(changes.entries()).containsExactly(new EntryState("q", "a", Priority.HIGH, 9,
                EntryStatus.WAITING, "009", at(4), null, null, null, null, 0, 4));
    }

    @Test
    void anUnknownEntryLeavesNoRowButTheQueueMovesOn() {
        List<ProjectedEvent> batch = List.of(event(3, "EntryCalled", new Change.EntryCalled("ghost", at(3), null,
                null)));

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
                new QueueState("q", "Counter", 4, QueueStatus.PAUSED, 4, at(4), null, null));
    }

    @Test
    void onlyEntriesChangedBeforeTheyJoinInTheBatchAreRead() {
        List<ProjectedEvent> batch = List.of(
                event(1, "EntryJoined", new Change.EntryJoined("new", Priority.NORMAL, 1, at(1), null, null, 1L)),
                event(2, "EntryCalled", new Change.EntryCalled("new", at(2), null, null)),
                event(3, "EntryReleased", new Change.EntryReleased("old")),
                event(4, "QueuePaused", new Change.QueueStatusSet(QueueStatus.PAUSED)),
                event(5, "EntryCompleted", new Change.EntryFinished("old", EntryStatus.COMPLETED, at(5))));

        assertThat(PgBatchChanges.entriesToLoad(batch)).containsExactly(new EntryKey("q", "old"));
    }

    @Test
    void aScheduledEntryIsHeldFromItsJoinUntilReleased() {
        List<ProjectedEvent> batch = List.of(
                event(3, "EntryJoined", new Change.EntryJoined("a", Priority.NORMAL, 7, at(1), "007", at(60), 7L)),
                event(4, "EntryPriorityChanged", new Change.EntryPriorityChanged("a", Priority.HIGH, null)));

        PgBatchChanges held = PgBatchChanges.fold(Map.of("q", queue(2)), Map.of(), batch);

        assertThat(held.entries()).containsExactly(entry(Priority.HIGH, 7, EntryStatus.HELD, null, null, at(60), 0, 4));

        EntryState stored = held.entries().getFirst();
        PgBatchChanges released = PgBatchChanges.fold(Map.of("q", queue(4)), Map.of(stored.key(), stored),
                List.of(event(5, "EntryReleased", new Change.EntryReleased("a"))));

        assertThat(released.entries()).containsExactly(entry(Priority.HIGH, 7, EntryStatus.WAITING, null, null, null,
                0, 5));
        assertThat(released.history()).containsExactly(
                new HistoryRow("q", "a", 5, "EntryReleased", EntryStatus.WAITING, Priority.HIGH, at(5), null, null));
    }

    @Test
    void aFailureWithARetryHoldsTheEntryAndTheLastOneEndsItFailed() {
        EntryState stored = new EntryState("q", "a", Priority.NORMAL, 7, EntryStatus.CALLED, "007", at(1), at(2),
                "desk 4", null, null, 0, 2);
        List<ProjectedEvent> batch = List.of(
                event(3, "EntryFailed", new Change.EntryFailed("a", 1, at(3), at(30))),
                event(4, "EntryReleased", new Change.EntryReleased("a")),
                event(5, "EntryCalled", new Change.EntryCalled("a", at(5), "007", "desk 2")),
                event(6, "EntryFailed", new Change.EntryFailed("a", 2, at(6), null)));

        PgBatchChanges changes = PgBatchChanges.fold(Map.of("q", queue(2)), Map.of(stored.key(), stored), batch);

        assertThat(changes.entries()).containsExactly(new EntryState("q", "a", Priority.NORMAL, 7,
                EntryStatus.FAILED, "007", at(1), at(5), "desk 2", at(6), null, 2, 6));
        assertThat(changes.history()).extracting(HistoryRow::eventType, HistoryRow::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("EntryFailed", EntryStatus.HELD),
                        org.assertj.core.groups.Tuple.tuple("EntryReleased", EntryStatus.WAITING),
                        org.assertj.core.groups.Tuple.tuple("EntryCalled", EntryStatus.CALLED),
                        org.assertj.core.groups.Tuple.tuple("EntryFailed", EntryStatus.FAILED));
    }

    @Test
    void anEntryHeldForARetryIsNoLongerCalledButKeepsItsCounter() {
        EntryState stored = new EntryState("q", "a", Priority.NORMAL, 7, EntryStatus.CALLED, "007", at(1), at(2),
                "desk 4", null, null, 0, 2);

        PgBatchChanges changes = PgBatchChanges.fold(Map.of("q", queue(2)), Map.of(stored.key(), stored),
                List.of(event(3, "EntryFailed", new Change.EntryFailed("a", 1, at(3), at(30)))));

        assertThat(changes.entries()).containsExactly(new EntryState("q", "a", Priority.NORMAL, 7,
                EntryStatus.HELD, "007", at(1), null, "desk 4", null, at(30), 1, 3));
    }

    @Test
    void aHeldEntryThatLeavesIsNoLongerHeld() {
        EntryState stored = entry(Priority.LOW, 7, EntryStatus.HELD, null, null, at(60), 1, 2);

        PgBatchChanges changes = PgBatchChanges.fold(Map.of("q", queue(2)), Map.of(stored.key(), stored),
                List.of(event(3, "EntryLeft", new Change.EntryFinished("a", EntryStatus.LEFT, at(3)))));

        assertThat(changes.entries()).containsExactly(entry(Priority.LOW, 7, EntryStatus.LEFT, null, at(3), null, 1,
                3));
    }

    @Test
    void aCallWithoutANumberKeepsTheOneTheEntryJoinedWith() {
        List<ProjectedEvent> batch = List.of(
                event(3, "EntryJoined", new Change.EntryJoined("a", Priority.NORMAL, 7, at(1), "007", null, 7L)),
                event(4, "EntryCalled", new Change.EntryCalled("a", at(4), null, null)));

        PgBatchChanges changes = PgBatchChanges.fold(Map.of("q", queue(2)), Map.of(), batch);

        assertThat(changes.entries()).containsExactly(entry(Priority.NORMAL, 7, EntryStatus.CALLED, at(4), null, null,
                0, 4));
    }

    @Test
    void aReleaseOfAFinishedEntryChangesNothingButTheSequence() {
        EntryState stored = entry(Priority.LOW, 7, EntryStatus.COMPLETED, at(2), at(3), null, 0, 3);

        PgBatchChanges changes = PgBatchChanges.fold(Map.of("q", queue(3)), Map.of(stored.key(), stored),
                List.of(event(4, "EntryReleased", new Change.EntryReleased("a"))));

        assertThat(changes.entries()).isEmpty();
        assertThat(changes.history()).isEmpty();
        assertThat(changes.queues()).extracting(QueueState::lastSequence).containsExactly(4L);
    }

    @Test
    void aClosingEndsTheWaitingAndHeldEntriesItNamesAndLeavesTheCalledOne() {
        Map<EntryKey, EntryState> loaded = new HashMap<>();
        for (EntryState e : List.of(stored("w", 1, EntryStatus.WAITING, null), stored("h", 2, EntryStatus.HELD, at(60)),
                new EntryState("q", "c", Priority.NORMAL, 3, EntryStatus.CALLED, null, at(1), at(2), "desk 1", null,
                        null, 0, 4))) {
            loaded.put(e.key(), e);
        }
        List<ProjectedEvent> batch = List.of(event(5, "QueueClosed", new Change.QueueClosed(
                new Change.EntriesClosedOut(List.of("w", "h"), at(5)), null)));

        assertThat(PgBatchChanges.entriesToLoad(batch)).containsExactly(new EntryKey("q", "w"), new EntryKey("q", "h"));
        PgBatchChanges changes = PgBatchChanges.fold(Map.of("q", queue(4)), loaded, batch);

        assertThat(changes.queues()).containsExactly(
                new QueueState("q", "Desk", 10, QueueStatus.CLOSED, 5, at(5), null, null));
        assertThat(changes.entries()).containsExactly(
                new EntryState("q", "h", Priority.NORMAL, 2, EntryStatus.CLOSED_OUT, null, at(1), null, null, at(5),
                        null, 0, 5),
                new EntryState("q", "w", Priority.NORMAL, 1, EntryStatus.CLOSED_OUT, null, at(1), null, null, at(5),
                        null, 0, 5));
        assertThat(changes.history()).containsExactly(
                new HistoryRow("q", "w", 5, "QueueClosed", EntryStatus.CLOSED_OUT, Priority.NORMAL, at(5), null, null),
                new HistoryRow("q", "h", 5, "QueueClosed", EntryStatus.CLOSED_OUT, Priority.NORMAL, at(5), null, null));
    }

    @Test
    void theEntriesAClosingNamesLaterAreClosedOutToo() {
        Map<EntryKey, EntryState> loaded = new HashMap<>();
        IntStream.rangeClosed(1, 2500).mapToObj(i -> stored("e" + i, i, EntryStatus.WAITING, null))
                .forEach(e -> loaded.put(e.key(), e));
        List<String> ids = IntStream.rangeClosed(1, 2500).mapToObj(i -> "e" + i).toList();
        List<ProjectedEvent> batch = List.of(
                event(2502, "QueueClosed", new Change.QueueClosed(
                        new Change.EntriesClosedOut(ids.subList(0, 1000), at(2502)), null)),
                event(2503, "EntriesClosedOut", new Change.EntriesClosedOut(ids.subList(1000, 2000), at(2503))),
                event(2504, "EntriesClosedOut", new Change.EntriesClosedOut(ids.subList(2000, 2500), at(2504))));

        PgBatchChanges changes = PgBatchChanges.fold(Map.of("q", queue(2501)), loaded, batch);

        assertThat(PgBatchChanges.entriesToLoad(batch)).hasSize(2500);
        assertThat(changes.entries()).hasSize(2500).allMatch(e -> e.status() == EntryStatus.CLOSED_OUT);
        assertThat(changes.entries()).filteredOn(e -> e.entryId().equals("e2500")).singleElement()
                .extracting(EntryState::finishedAt, EntryState::updatedSequence)
                .containsExactly(at(2504), 2504L);
        assertThat(changes.history()).hasSize(2500);
        assertThat(changes.history().get(1000)).isEqualTo(new HistoryRow("q", "e1001", 2503, "EntriesClosedOut",
                EntryStatus.CLOSED_OUT, Priority.NORMAL, at(2503), null, null));
        assertThat(changes.queues()).extracting(QueueState::status, QueueState::lastSequence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(QueueStatus.CLOSED, 2504L));
    }

    @Test
    void anEntryThatJoinsAndIsClosedOutInOneBatchIsNotRead() {
        List<ProjectedEvent> batch = List.of(
                event(3, "EntryJoined", new Change.EntryJoined("a", Priority.NORMAL, 7, at(1), "007", null, 7L)),
                event(4, "QueueClosed", new Change.QueueClosed(new Change.EntriesClosedOut(List.of("a"), at(4)),
                        null)));

        PgBatchChanges changes = PgBatchChanges.fold(Map.of("q", queue(2)), Map.of(), batch);

        assertThat(PgBatchChanges.entriesToLoad(batch)).isEmpty();
        assertThat(changes.entries()).containsExactly(entry(Priority.NORMAL, 7, EntryStatus.CLOSED_OUT, null, at(4),
                null, 0, 4));
        assertThat(changes.history()).extracting(HistoryRow::status)
                .containsExactly(EntryStatus.WAITING, EntryStatus.CLOSED_OUT);
    }

    @Test
    void anEntryServedInTwoPlacesIsHeldUntilTheLastServiceEndsThenWaitsAgain() {
        EntryState stored = entry(Priority.NORMAL, 7, EntryStatus.WAITING, null, null, null, 0, 2);
        List<ProjectedEvent> held = List.of(heldFor(3, LAB), heldFor(4, DESK), backFrom(5, LAB, 1));

        PgBatchChanges stillHeld = PgBatchChanges.fold(Map.of("q", queue(2)), Map.of(stored.key(), stored), held);

        assertThat(PgBatchChanges.entriesToLoad(held)).containsExactly(new EntryKey("q", "a"));
        assertThat(stillHeld.entries()).containsExactly(servedElsewhere(null, 5, "desk/y-2"));
        assertThat(stillHeld.history()).extracting(HistoryRow::eventType, HistoryRow::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("EntryHeldForServiceElsewhere", EntryStatus.SERVED_ELSEWHERE),
                org.assertj.core.groups.Tuple.tuple("EntryHeldForServiceElsewhere", EntryStatus.SERVED_ELSEWHERE),
                org.assertj.core.groups.Tuple.tuple("EntryBackFromServiceElsewhere", EntryStatus.SERVED_ELSEWHERE));

        EntryState row = stillHeld.entries().getFirst();
        PgBatchChanges back = PgBatchChanges.fold(Map.of("q", queue(5)), Map.of(row.key(), row),
                List.of(backFrom(6, DESK, 0)));

        assertThat(back.entries()).containsExactly(entry(Priority.NORMAL, 7, EntryStatus.WAITING, null, null, null, 0,
                6));
    }

    @Test
    void aScheduledEntryServedElsewhereKeepsItsDueTimeAndIsHeldAgainWhenBackBeforeItsRelease() {
        EntryState stored = entry(Priority.NORMAL, 7, EntryStatus.HELD, null, null, at(60), 0, 2);

        PgBatchChanges changes = PgBatchChanges.fold(Map.of("q", queue(2)), Map.of(stored.key(), stored),
                List.of(heldFor(3, LAB)));
        assertThat(changes.entries()).containsExactly(servedElsewhere(at(60), 3, "lab/x-7"));

        EntryState row = changes.entries().getFirst();
        PgBatchChanges back = PgBatchChanges.fold(Map.of("q", queue(3)), Map.of(row.key(), row),
                List.of(backFrom(4, LAB, 0)));
        assertThat(back.entries()).containsExactly(entry(Priority.NORMAL, 7, EntryStatus.HELD, null, null, at(60), 0,
                4));
    }

    @Test
    void aReleaseWhileServedElsewhereKeepsTheEntryHeldUntilBackThenItWaits() {
        List<ProjectedEvent> batch = List.of(
                event(3, "EntryJoined", new Change.EntryJoined("a", Priority.NORMAL, 7, at(1), "007", at(60), 7L)),
                heldFor(4, LAB),
                event(5, "EntryReleased", new Change.EntryReleased("a")));

        PgBatchChanges released = PgBatchChanges.fold(Map.of("q", queue(2)), Map.of(), batch);

        assertThat(released.entries()).containsExactly(servedElsewhere(null, 5, "lab/x-7"));
        EntryState row = released.entries().getFirst();
        PgBatchChanges back = PgBatchChanges.fold(Map.of("q", queue(5)), Map.of(row.key(), row),
                List.of(backFrom(6, LAB, 0)));
        assertThat(back.entries()).containsExactly(entry(Priority.NORMAL, 7, EntryStatus.WAITING, null, null, null, 0,
                6));
    }

    @Test
    void aPriorityChangeKeepsTheEntryHeldElsewhereAndLeavingOrAClosingEndsIt() {
        EntryState stored = servedElsewhere(at(60), 2, "lab/x-7", "desk/y-2");

        PgBatchChanges moved = PgBatchChanges.fold(Map.of("q", queue(2)), Map.of(stored.key(), stored), List.of(
                event(3, "EntryPriorityChanged", new Change.EntryPriorityChanged("a", Priority.HIGH, 90L))));
        assertThat(moved.entries()).containsExactly(new EntryState("q", "a", Priority.HIGH, 7,
                EntryStatus.SERVED_ELSEWHERE, "007", at(1), null, null, null, at(60), 0, 3,
                List.of("lab/x-7", "desk/y-2")));

        PgBatchChanges left = PgBatchChanges.fold(Map.of("q", queue(2)), Map.of(stored.key(), stored),
                List.of(event(3, "EntryLeft", new Change.EntryFinished("a", EntryStatus.LEFT, at(3)))));
        assertThat(left.entries()).containsExactly(entry(Priority.NORMAL, 7, EntryStatus.LEFT, null, at(3), null, 0,
                3));

        PgBatchChanges closed = PgBatchChanges.fold(Map.of("q", queue(2)), Map.of(stored.key(), stored),
                List.of(event(3, "EntriesClosedOut", new Change.EntriesClosedOut(List.of("a"), at(3)))));
        assertThat(closed.entries()).containsExactly(entry(Priority.NORMAL, 7, EntryStatus.CLOSED_OUT, null, at(3),
                null, 0, 3));
    }

    @Test
    void holdsOfEntriesNotWaitingAndReturnsOfEntriesNotHeldChangeNothingButTheSequence() {
        EntryState called = entry(Priority.NORMAL, 7, EntryStatus.CALLED, at(2), null, null, 0, 2);
        EntryState waiting = entry(Priority.NORMAL, 7, EntryStatus.WAITING, null, null, null, 0, 2);

        PgBatchChanges hold = PgBatchChanges.fold(Map.of("q", queue(2)), Map.of(called.key(), called),
                List.of(heldFor(3, LAB)));
        PgBatchChanges back = PgBatchChanges.fold(Map.of("q", queue(2)), Map.of(waiting.key(), waiting),
                List.of(backFrom(3, LAB, 0)));

        for (PgBatchChanges changes : List.of(hold, back)) {
            assertThat(changes.entries()).isEmpty();
            assertThat(changes.history()).isEmpty();
            assertThat(changes.queues()).extracting(QueueState::lastSequence).containsExactly(3L);
        }
    }

    @Test
    void aPlanIsKeptUntilItsOpeningOrClosingIsUsedUp() {
        List<ProjectedEvent> batch = List.of(
                event(3, "QueueScheduled", new Change.QueueScheduled(at(100), at(200))),
                event(4, "QueuePaused", new Change.QueueStatusSet(QueueStatus.PAUSED)));

        PgBatchChanges planned = PgBatchChanges.fold(Map.of("q", queue(2)), Map.of(), batch);

        assertThat(planned.queues()).containsExactly(
                new QueueState("q", "Desk", 10, QueueStatus.PAUSED, 4, at(4), at(100), at(200)));

        QueueState stored = planned.queues().getFirst();
        PgBatchChanges closed = PgBatchChanges.fold(Map.of("q", stored), Map.of(), List.of(
                event(5, "QueueClosed", new Change.QueueClosed(new Change.EntriesClosedOut(List.of(), at(5)),
                        Planned.CLOSING))));

        assertThat(closed.queues()).containsExactly(
                new QueueState("q", "Desk", 10, QueueStatus.CLOSED, 5, at(5), at(100), null));

        PgBatchChanges opened = PgBatchChanges.fold(Map.of("q", closed.queues().getFirst()), Map.of(), List.of(
                event(6, "QueueOpened", new Change.QueueStatusSet(QueueStatus.OPEN, Planned.OPENING))));

        assertThat(opened.queues()).containsExactly(
                new QueueState("q", "Desk", 10, QueueStatus.OPEN, 6, at(6), null, null));
    }

    @Test
    void anOpeningOrClosingByPeopleLeavesThePlanAndALapseUsesItsInstantUp() {
        List<ProjectedEvent> batch = List.of(
                event(3, "QueueScheduled", new Change.QueueScheduled(at(100), at(200))),
                event(4, "QueueClosed", new Change.QueueClosed(new Change.EntriesClosedOut(List.of(), at(4)), null)),
                event(5, "QueueOpened", new Change.QueueStatusSet(QueueStatus.OPEN)),
                event(6, "ScheduleLapsed", new Change.ScheduleLapsed(Planned.OPENING)));

        PgBatchChanges changes = PgBatchChanges.fold(Map.of("q", queue(2)), Map.of(), batch);

        assertThat(changes.queues()).containsExactly(
                new QueueState("q", "Desk", 10, QueueStatus.OPEN, 6, at(6), null, at(200)));

        PgBatchChanges lapsedAndCleared = PgBatchChanges.fold(Map.of("q", changes.queues().getFirst()), Map.of(),
                List.of(event(7, "ScheduleLapsed", new Change.ScheduleLapsed(Planned.CLOSING)),
                        event(8, "QueueScheduled", new Change.QueueScheduled(at(300), null)),
                        event(9, "QueueScheduled", new Change.QueueScheduled(null, null))));

        assertThat(lapsedAndCleared.queues()).containsExactly(
                new QueueState("q", "Desk", 10, QueueStatus.OPEN, 9, at(9), null, null));
    }
}
