package io.ledgerline.projection.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.ledgerline.projection.model.Change;
import io.ledgerline.projection.model.EntryStatus;
import io.ledgerline.projection.model.Priority;
import io.ledgerline.projection.model.ProjectedEvent;
import io.ledgerline.projection.model.QueueStatus;
import ledgerline.queue.v1.EntryCalled;
import ledgerline.queue.v1.EntryJoined;
import ledgerline.queue.v1.EntryLeft;
import ledgerline.queue.v1.EntryPriorityChanged;
import ledgerline.queue.v1.EntryTransferredOut;
import ledgerline.queue.v1.QueueCreated;
import ledgerline.queue.v1.QueueEmergencyStopped;
import ledgerline.queue.v1.QueueEventEnvelope;
import ledgerline.queue.v1.QueueSlept;
import ledgerline.queue.v1.QueueWoken;

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

    @Test
    void entryEventsKeepTheirDetails() {
        assertThat(mapper.toProjected(envelope(2,
                new EntryJoined("e-1", ledgerline.queue.v1.Priority.URGENT, 7L, AT, null))).change())
                .isEqualTo(new Change.EntryJoined("e-1", Priority.URGENT, 7, AT));
        assertThat(mapper.toProjected(envelope(3, new EntryCalled("e-1", AT, null, null))).change())
                .isEqualTo(new Change.EntryCalled("e-1", AT));
        assertThat(mapper.toProjected(envelope(4, new EntryPriorityChanged("e-1",
                ledgerline.queue.v1.Priority.LOW, ledgerline.queue.v1.Priority.HIGH, "VIP"))).change())
                .isEqualTo(new Change.EntryPriorityChanged("e-1", Priority.HIGH));
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
