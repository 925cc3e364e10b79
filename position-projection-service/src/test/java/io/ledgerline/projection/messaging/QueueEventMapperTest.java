package io.ledgerline.projection.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.ledgerline.projection.model.Change;
import io.ledgerline.projection.model.EntryStatus;
import io.ledgerline.projection.model.LegacyOrderKey;
import io.ledgerline.projection.model.Planned;
import io.ledgerline.projection.model.Priority;
import io.ledgerline.projection.model.ProjectedEvent;
import io.ledgerline.projection.model.QueueStatus;
import io.ledgerline.projection.model.ServedElsewhere;
import ledgerline.queue.v1.EntriesClosedOut;
import ledgerline.queue.v1.EntryCalled;
import ledgerline.queue.v1.EntryFailed;
import ledgerline.queue.v1.EntryJoined;
import ledgerline.queue.v1.EntryLeft;
import ledgerline.queue.v1.EntryPriorityChanged;
import ledgerline.queue.v1.EntryPromoted;
import ledgerline.queue.v1.EntryReleased;
import ledgerline.queue.v1.EntryTransferredOut;
import ledgerline.queue.v1.QueueClosed;
import ledgerline.queue.v1.QueueCreated;
import ledgerline.queue.v1.QueueEmergencyStopped;
import ledgerline.queue.v1.QueueEventEnvelope;
import ledgerline.queue.v1.QueueOpened;
import ledgerline.queue.v1.QueueScheduled;
import ledgerline.queue.v1.QueueSlept;
import ledgerline.queue.v1.QueueWoken;
import ledgerline.queue.v1.EntryOverflowed;
import ledgerline.queue.v1.ScheduleLapsed;

class QueueEventMapperTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    private final QueueEventMapper mapper = new QueueEventMapper();

    private static QueueEventEnvelope envelope(long sequence, Object payload) {
        return QueueEventEnvelope.newBuilder()
                .setEventId("ev-" + sequence).setQueueId("q-1").setSequence(sequence).setOccurredAt(AT)
                .setCausationCommandId("cmd-" + sequence).setActor("test").setPayload(payload)
                .build();
    }

    @Test
    void theEnvelopeCarriesQueueSequenceAndType() {
        ProjectedEvent event = mapper.toProjected(envelope(1, new QueueCreated("Front desk", 10, null)));

        assertThat(event.queueId()).isEqualTo("q-1");
        assertThat(event.sequence()).isEqualTo(1);
        assertThat(event.occurredAt()).isEqualTo(AT);
        assertThat(event.eventType()).isEqualTo("QueueCreated");
        assertThat(event.change()).isEqualTo(new Change.QueueCreated("Front desk", 10));
    }

    private static EntryJoined joined(ledgerline.queue.v1.Priority priority, long ticket, String number,
            Instant heldUntil, Long orderKey) {
        return EntryJoined.newBuilder().setEntryId("e-1").setPriority(priority).setTicket(ticket).setJoinedAt(AT)
                .setNumber(number).setHeldUntil(heldUntil).setOrderKey(orderKey).build();
    }

    @Test
    void entryEventsKeepTheirDetails() {
        assertThat(mapper.toProjected(envelope(2,
                joined(ledgerline.queue.v1.Priority.URGENT, 7L, "A-007", null, 7L))).change())
                .isEqualTo(new Change.EntryJoined("e-1", Priority.URGENT, 7, AT, "A-007", null, 7L));
        assertThat(mapper.toProjected(envelope(3, new EntryCalled("e-1", AT, "A-007", "desk 4"))).change())
                .isEqualTo(new Change.EntryCalled("e-1", AT, "A-007", "desk 4"));
        assertThat(mapper.toProjected(envelope(4, new EntryPriorityChanged("e-1",
                ledgerline.queue.v1.Priority.LOW, ledgerline.queue.v1.Priority.HIGH, "VIP", 10_000_000_000_007L)))
                .change()).isEqualTo(new Change.EntryPriorityChanged("e-1", Priority.HIGH, 10_000_000_000_007L));
    }

    @Test
    void transfersAndWaitingRoomsMapToTheirChanges() {
        assertThat(mapper.toProjected(envelope(2, ledgerline.queue.v1.EntryTransferStarted.newBuilder()
                .setEntryId("e-1").setTargetQueueId("annex").setPriority(ledgerline.queue.v1.Priority.HIGH)
                .setJustification("shorter line").build())).change())
                .isEqualTo(new Change.EntryTransferring("e-1", "annex"));
        assertThat(mapper.toProjected(envelope(3, new ledgerline.queue.v1.EntryTransferReturned("e-1", "annex",
                "QUEUE_FULL: no room"))).change()).isEqualTo(new Change.EntryTransferReturned("e-1"));
        assertThat(mapper.toProjected(envelope(4, new ledgerline.queue.v1.EntryAdmitted("e-1", AT,
                AT.plusSeconds(600), "A-001", AT))).change())
                .isEqualTo(new Change.EntryAdmitted("e-1", AT, AT.plusSeconds(600), "A-001"));
        assertThat(mapper.toProjected(envelope(5, new ledgerline.queue.v1.AdmissionExpired("e-1",
                AT.plusSeconds(600)))).change())
                .isEqualTo(new Change.EntryFinished("e-1", io.ledgerline.projection.model.EntryStatus.EXPIRED,
                        AT.plusSeconds(600)));
    }

    @Test
    void aServiceElsewhereNamesWhereThePersonIsServedAndItsEndHowManyStillHoldTheEntry() {
        assertThat(mapper.toProjected(envelope(2, new ledgerline.queue.v1.EntryHeldForServiceElsewhere("e-1", "lab",
                "x-7"))).change())
                .isEqualTo(new Change.EntryHeldForServiceElsewhere("e-1", new ServedElsewhere("lab", "x-7")));
        ProjectedEvent back = mapper.toProjected(envelope(3, new ledgerline.queue.v1.EntryBackFromServiceElsewhere(
                "e-1", "lab", "x-7", 1)));
        assertThat(back.eventType()).isEqualTo("EntryBackFromServiceElsewhere");
        assertThat(back.change())
                .isEqualTo(new Change.EntryBackFromServiceElsewhere("e-1", new ServedElsewhere("lab", "x-7"), 1));
        assertThat(((Change.EntryBackFromServiceElsewhere) back.change()).back()).isFalse();
        assertThat(((Change.EntryBackFromServiceElsewhere) mapper.toProjected(envelope(4,
                ledgerline.queue.v1.EntryBackFromServiceElsewhere.newBuilder().setEntryId("e-1")
                        .setServedQueueId("lab").setServedEntryId("x-7").build())).change()).back())
                .as("the count's default, 0: back").isTrue();
    }

    @Test
    void aJoinCarriesTheOrderKeyTheDomainGaveIt() {
        // A weighted queue's key: nothing the projection could compute from priority and ticket.
        Change change = mapper.toProjected(envelope(2,
                joined(ledgerline.queue.v1.Priority.LOW, 12L, "012", null, 1_441_440L))).change();

        assertThat(change).isEqualTo(new Change.EntryJoined("e-1", Priority.LOW, 12, AT, "012", null, 1_441_440L));
    }

    @Test
    void aJoinWrittenBeforeOrderKeysStandsAtItsLegacyStrictKey() {
        Change change = mapper.toProjected(envelope(2,
                joined(ledgerline.queue.v1.Priority.LOW, 12L, null, null, null))).change();

        assertThat(change).isEqualTo(new Change.EntryJoined("e-1", Priority.LOW, 12, AT, null, null,
                LegacyOrderKey.of(Priority.LOW, 12)));
    }

    @Test
    void aPriorityChangeWrittenBeforeOrderKeysLeavesTheKeyToTheStores() {
        // Its key is the new class's legacy key with the entry's ticket, which only the stores know.
        Change change = mapper.toProjected(envelope(4, new EntryPriorityChanged("e-1",
                ledgerline.queue.v1.Priority.LOW, ledgerline.queue.v1.Priority.HIGH, "VIP", null))).change();

        assertThat(change).isEqualTo(new Change.EntryPriorityChanged("e-1", Priority.HIGH, null));
        assertThat(((Change.EntryPriorityChanged) change).legacy()).isTrue();
    }

    @Test
    void aPromotionIsAPriorityChangeToTheClassAboveAtItsNewKey() {
        ProjectedEvent event = mapper.toProjected(envelope(5, new EntryPromoted("e-1",
                ledgerline.queue.v1.Priority.LOW, ledgerline.queue.v1.Priority.NORMAL, 360_360L, AT)));

        assertThat(event.change()).isEqualTo(new Change.EntryPriorityChanged("e-1", Priority.NORMAL, 360_360L));
        assertThat(event.eventType()).isEqualTo("EntryPromoted");
    }

    @Test
    void eventsWrittenBeforeNumbersAndCountersCarryNone() {
        assertThat(mapper.toProjected(envelope(2,
                joined(ledgerline.queue.v1.Priority.LOW, 1L, null, null, 30_000_000_000_001L))).change())
                .isEqualTo(new Change.EntryJoined("e-1", Priority.LOW, 1, AT, null, null, 30_000_000_000_001L));
        assertThat(mapper.toProjected(envelope(3, new EntryCalled("e-1", AT, null, null))).change())
                .isEqualTo(new Change.EntryCalled("e-1", AT, null, null));
    }

    @Test
    void aScheduledJoinIsHeldUntilItsTime() {
        Change change = mapper.toProjected(envelope(2, joined(ledgerline.queue.v1.Priority.NORMAL, 3L, "003",
                AT.plusSeconds(600), 20_000_000_000_003L))).change();

        assertThat(change).isEqualTo(new Change.EntryJoined("e-1", Priority.NORMAL, 3, AT, "003", AT.plusSeconds(600),
                20_000_000_000_003L));
        assertThat(((Change.EntryJoined) change).held()).isTrue();
    }

    @Test
    void aFailureWithARetryHoldsTheEntryAndWithoutOneEndsIt() {
        Change retry = mapper.toProjected(envelope(4,
                new EntryFailed("e-1", "no answer", 1, AT, AT.plusSeconds(60)))).change();
        Change last = mapper.toProjected(envelope(6, new EntryFailed("e-1", "no answer", 2, AT, null))).change();

        assertThat(retry).isEqualTo(new Change.EntryFailed("e-1", 1, AT, AT.plusSeconds(60)));
        assertThat(((Change.EntryFailed) retry).isFinal()).isFalse();
        assertThat(last).isEqualTo(new Change.EntryFailed("e-1", 2, AT, null));
        assertThat(((Change.EntryFailed) last).isFinal()).isTrue();
    }

    @Test
    void aReleaseNamesTheEntry() {
        ProjectedEvent event = mapper.toProjected(envelope(5, new EntryReleased("e-1")));

        assertThat(event.change()).isEqualTo(new Change.EntryReleased("e-1"));
        assertThat(event.eventType()).isEqualTo("EntryReleased");
    }

    @Test
    void leavingAndTransferringAreFinalStatusesStampedWithTheEventTime() {
        assertThat(mapper.toProjected(envelope(5, new EntryLeft("e-1"))).change())
                .isEqualTo(new Change.EntryFinished("e-1", EntryStatus.LEFT, AT));
        assertThat(mapper.toProjected(envelope(6, new EntryTransferredOut("e-1", "q-2",
                ledgerline.queue.v1.Priority.NORMAL, "moved"))).change())
                .isEqualTo(new Change.EntryFinished("e-1", EntryStatus.TRANSFERRED, AT));
    }

    @Test
    void queueLifecycleEventsBecomeStatuses() {
        assertThat(mapper.toProjected(envelope(7, new QueueSlept(AT))).change())
                .isEqualTo(new Change.QueueStatusSet(QueueStatus.SLEEPING));
        assertThat(mapper.toProjected(envelope(8, new QueueWoken())).change())
                .isEqualTo(new Change.QueueStatusSet(QueueStatus.OPEN));
        assertThat(mapper.toProjected(envelope(9, new QueueEmergencyStopped("fire"))).change())
                .isEqualTo(new Change.QueueStatusSet(QueueStatus.EMERGENCY_STOPPED));
    }

    @Test
    void aClosingClosesOutTheEntriesItNamesAtTheEventTime() {
        ProjectedEvent closed = mapper.toProjected(envelope(10, new QueueClosed(List.of("e-3", "e-1"), 2, null)));

        assertThat(closed.eventType()).isEqualTo("QueueClosed");
        assertThat(closed.change()).isEqualTo(new Change.QueueClosed(
                new Change.EntriesClosedOut(List.of("e-3", "e-1"), AT), null));
    }

    @Test
    void theEntriesBeyondTheFirstThousandFollowInTheirOwnEvents() {
        List<String> ids = new ArrayList<>();
        for (int i = 1001; i <= 2000; i++) {
            ids.add("e-" + i);
        }
        ProjectedEvent more = mapper.toProjected(envelope(11, new EntriesClosedOut(ids)));

        assertThat(more.eventType()).isEqualTo("EntriesClosedOut");
        assertThat(more.change()).isEqualTo(new Change.EntriesClosedOut(ids, AT));
    }

    @Test
    void aClosingWrittenBeforeCloseOutsClosesOutNobody() {
        // As an old record reads with the new schema: the defaults, an empty list and a count of 0.
        ProjectedEvent closed = mapper.toProjected(envelope(10, new QueueClosed(List.of(), 0, null)));

        assertThat(closed.change()).isEqualTo(new Change.QueueClosed(new Change.EntriesClosedOut(List.of(), AT),
                null));
    }

    @Test
    void aPlannedOpeningOrClosingUsesUpItsInstantOfThePlan() {
        Instant planned = AT.minusSeconds(5);

        assertThat(mapper.toProjected(envelope(12, new QueueOpened(planned))).change())
                .isEqualTo(new Change.QueueStatusSet(QueueStatus.OPEN, Planned.OPENING));
        assertThat(mapper.toProjected(envelope(13, new QueueOpened(null))).change())
                .isEqualTo(new Change.QueueStatusSet(QueueStatus.OPEN, null));
        assertThat(mapper.toProjected(envelope(14, new QueueClosed(List.of("e-1"), 1, planned))).change())
                .isEqualTo(new Change.QueueClosed(new Change.EntriesClosedOut(List.of("e-1"), AT), Planned.CLOSING));
    }

    @Test
    void aScheduleIsThePlanAndALapseNamesTheInstantItUsesUp() {
        Instant opens = AT.plusSeconds(3600);
        Instant closes = AT.plusSeconds(7200);

        assertThat(mapper.toProjected(envelope(15, new QueueScheduled(opens, closes))).change())
                .isEqualTo(new Change.QueueScheduled(opens, closes));
        assertThat(mapper.toProjected(envelope(16, new QueueScheduled(null, null))).change())
                .isEqualTo(new Change.QueueScheduled(null, null));
        assertThat(mapper.toProjected(envelope(17, new ScheduleLapsed("open", opens, "OPEN"))).change())
                .isEqualTo(new Change.ScheduleLapsed(Planned.OPENING));
        assertThat(mapper.toProjected(envelope(18, new ScheduleLapsed("close", closes, "EMERGENCY_STOPPED")))
                .change()).isEqualTo(new Change.ScheduleLapsed(Planned.CLOSING));
    }

    @Test
    void aJoinThatOverflowedChangesNothingHere() {
        assertThat(mapper.toProjected(envelope(20, new EntryOverflowed("e-9", "overflow-q",
                ledgerline.queue.v1.Priority.NORMAL, AT, null, null, null, null, java.util.Map.of()))).change())
                .isEqualTo(new Change.EntryOverflowed("e-9", "overflow-q"));
    }

    @Test
    void aLapseOfAnUnknownTransitionIsUnsupported() {
        assertThatThrownBy(() -> mapper.toProjected(envelope(19, new ScheduleLapsed("nap", AT, "OPEN"))))
                .isInstanceOf(UnsupportedEventException.class)
                .hasMessageContaining("nap");
    }

    @Test
    void anUnknownPayloadIsUnsupported() {
        QueueEventEnvelope envelope = envelope(1, new QueueCreated("x", 1, null));
        envelope.setPayload("not an event");

        assertThatThrownBy(() -> mapper.toProjected(envelope))
                .isInstanceOf(UnsupportedEventException.class)
                .hasMessageContaining("java.lang.String");
    }

    @Test
    void sequencesStartAtOne() {
        assertThatThrownBy(() -> mapper.toProjected(envelope(0, new QueueCreated("x", 1, null))))
                .isInstanceOf(UnsupportedEventException.class);
    }
}
