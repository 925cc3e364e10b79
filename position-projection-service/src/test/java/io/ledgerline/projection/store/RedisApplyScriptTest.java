package io.ledgerline.projection.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.ledgerline.projection.model.Change;
import io.ledgerline.projection.model.EntryStatus;
import io.ledgerline.projection.model.Planned;
import io.ledgerline.projection.model.LegacyOrderKey;
import io.ledgerline.projection.model.Priority;
import io.ledgerline.projection.model.QueueStatus;
import io.ledgerline.projection.model.ServedElsewhere;
import io.ledgerline.projection.store.RedisApplyScript.Operation;

class RedisApplyScriptTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aJoinEntersTheLineAtItsOrderKeyAndAScheduledJoinOnlyKeepsIt() {
        // A weighted queue's key, nothing like priority and ticket: the script takes it as it comes.
        assertThat(RedisApplyScript.operation(new Change.EntryJoined("a", Priority.HIGH, 5, AT, null, null,
                1_261_260L))).isEqualTo(new Operation("JOIN", "a", "1261260"));
        assertThat(RedisApplyScript.operation(new Change.EntryJoined("a", Priority.HIGH, 5, AT, "A-005",
                AT.plusSeconds(60), 180_180L))).isEqualTo(new Operation("JOIN_HELD", "a", "180180"));
    }

    @Test
    void aPriorityChangeOrPromotionSetsTheKeyItCarries() {
        assertThat(RedisApplyScript.operation(new Change.EntryPriorityChanged("a", Priority.URGENT, 90_090L)))
                .isEqualTo(new Operation("PRIORITY", "a", "90090"));
        // The largest keys a queue hands out stay exact as text and as a double score.
        long large = (1L << 53) - 1;
        assertThat(RedisApplyScript.operation(new Change.EntryPriorityChanged("a", Priority.LOW, large)))
                .isEqualTo(new Operation("PRIORITY", "a", "9007199254740991"));
    }

    @Test
    void aPriorityChangeWrittenBeforeKeysAddsTheKeptTicketToTheNewClassesLegacyBase() {
        assertThat(RedisApplyScript.operation(new Change.EntryPriorityChanged("a", Priority.HIGH, null)))
                .isEqualTo(new Operation("PRIORITY_LEGACY", "a",
                        Long.toString(LegacyOrderKey.classBase(Priority.HIGH)), Long.toString(LegacyOrderKey.STRIDE)));
    }

    @Test
    void aFailureWithARetryHoldsTheEntryAndTheLastOneFinishesIt() {
        assertThat(RedisApplyScript.operation(new Change.EntryFailed("a", 1, AT, AT.plusSeconds(60))))
                .isEqualTo(new Operation("HOLD", "a"));
        assertThat(RedisApplyScript.operation(new Change.EntryFailed("a", 3, AT, null)))
                .isEqualTo(new Operation("FINISH", "a"));
        assertThat(RedisApplyScript.operation(new Change.EntryFinished("a", EntryStatus.LEFT, AT)))
                .isEqualTo(new Operation("FINISH", "a"));
    }

    @Test
    void aReleaseEntersTheLineWithTheKeptScore() {
        assertThat(RedisApplyScript.operation(new Change.EntryReleased("a"))).isEqualTo(new Operation("RELEASE", "a"));
    }

    @Test
    void aServiceElsewhereHoldsTheEntryAndOnlyTheLastOneToEndBringsItBack() {
        ServedElsewhere service = new ServedElsewhere("lab", "x-7");
        assertThat(RedisApplyScript.operation(new Change.EntryHeldForServiceElsewhere("a", service)))
                .isEqualTo(new Operation("HOLD_ELSEWHERE", "a"));
        // Another service still holds it: out of the line as it is.
        assertThat(RedisApplyScript.operation(new Change.EntryBackFromServiceElsewhere("a", service, 1)))
                .isEqualTo(new Operation("NONE"));
        assertThat(RedisApplyScript.operation(new Change.EntryBackFromServiceElsewhere("a", service, 0)))
                .isEqualTo(new Operation("BACK", "a"));
    }

    @Test
    void aClosingClosesOutEveryNamedEntryInOneOperation() {
        assertThat(RedisApplyScript.operation(new Change.QueueClosed(
                new Change.EntriesClosedOut(List.of("a", "b", "c"), AT), Planned.CLOSING)))
                .isEqualTo(new Operation("CLOSE_OUT", List.of("a", "b", "c")));
        assertThat(RedisApplyScript.operation(new Change.EntriesClosedOut(List.of("d", "e"), AT)))
                .isEqualTo(new Operation("CLOSE_OUT", List.of("d", "e")));
        assertThat(RedisApplyScript.operation(new Change.QueueClosed(new Change.EntriesClosedOut(List.of(), AT),
                null))).isEqualTo(new Operation("CLOSE_OUT", List.of()));
    }

    @Test
    void plansAndStatusesDoNotTouchTheLine() {
        assertThat(RedisApplyScript.operation(new Change.QueueScheduled(AT, AT.plusSeconds(3600))))
                .isEqualTo(new Operation("NONE"));
        assertThat(RedisApplyScript.operation(new Change.ScheduleLapsed(Planned.OPENING)))
                .isEqualTo(new Operation("NONE"));
        assertThat(RedisApplyScript.operation(new Change.QueueStatusSet(QueueStatus.OPEN, Planned.OPENING)))
                .isEqualTo(new Operation("NONE"));
    }

    @Test
    void theScriptKnowsEveryOperation() {
        String source = RedisApplyScript.load().source;

        for (String op : new String[] {"JOIN", "JOIN_HELD", "CALL", "HOLD", "FINISH", "REQUEUE", "RELEASE",
                "PRIORITY", "PRIORITY_LEGACY", "CLOSE_OUT", "REKEY", "HOLD_ELSEWHERE", "BACK"}) {
            assertThat(source).contains("'" + op + "'");
        }
    }
}
