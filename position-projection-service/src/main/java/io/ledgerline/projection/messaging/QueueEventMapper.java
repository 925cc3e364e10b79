package io.ledgerline.projection.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.ledgerline.projection.model.Change;
import io.ledgerline.projection.model.EntryStatus;
import io.ledgerline.projection.model.LegacyOrderKey;
import io.ledgerline.projection.model.Planned;
import io.ledgerline.projection.model.Priority;
import io.ledgerline.projection.model.ProjectedEvent;
import io.ledgerline.projection.model.QueueStatus;
import io.ledgerline.projection.model.ServedElsewhere;
import ledgerline.queue.v1.AdmissionExpired;
import ledgerline.queue.v1.EntriesClosedOut;
import ledgerline.queue.v1.EntriesReordered;
import ledgerline.queue.v1.LotteryCommitted;
import ledgerline.queue.v1.LotteryCutOff;
import ledgerline.queue.v1.LotteryDrawn;
import ledgerline.queue.v1.EntryAdmitted;
import ledgerline.queue.v1.EntryBackFromServiceElsewhere;
import ledgerline.queue.v1.EntryCalled;
import ledgerline.queue.v1.EntryCompleted;
import ledgerline.queue.v1.EntryFailed;
import ledgerline.queue.v1.EntryHeldForServiceElsewhere;
import ledgerline.queue.v1.EntryJoined;
import ledgerline.queue.v1.EntryOverflowed;
import ledgerline.queue.v1.EntryLeft;
import ledgerline.queue.v1.EntryMarkedNoShow;
import ledgerline.queue.v1.EntryPriorityChanged;
import ledgerline.queue.v1.EntryPromoted;
import ledgerline.queue.v1.EntryReleased;
import ledgerline.queue.v1.EntryRequeued;
import ledgerline.queue.v1.EntryTransferReturned;
import ledgerline.queue.v1.EntryTransferStarted;
import ledgerline.queue.v1.EntryTransferredOut;
import ledgerline.queue.v1.QueueClosed;
import ledgerline.queue.v1.QueueConfigured;
import ledgerline.queue.v1.QueueCreated;
import ledgerline.queue.v1.QueueEmergencyStopped;
import ledgerline.queue.v1.QueueEventEnvelope;
import ledgerline.queue.v1.QueueOpened;
import ledgerline.queue.v1.QueuePaused;
import ledgerline.queue.v1.QueueResumed;
import ledgerline.queue.v1.QueueScheduled;
import ledgerline.queue.v1.QueueSlept;
import ledgerline.queue.v1.QueueWoken;
import ledgerline.queue.v1.ScheduleLapsed;

/** The one place where Avro event records become the projection's own model. */
@ApplicationScoped
public class QueueEventMapper {

    public ProjectedEvent toProjected(QueueEventEnvelope envelope) {
        Object payload = envelope.getPayload();
        if (envelope.getQueueId() == null || envelope.getQueueId().isBlank()) {
            throw new UnsupportedEventException("event " + envelope.getEventId() + " has no queueId");
        }
        if (envelope.getSequence() < 1) {
            throw new UnsupportedEventException("event " + envelope.getEventId() + " has sequence "
                    + envelope.getSequence() + "; sequences start at 1");
        }
        String type = payload == null ? "null" : payload.getClass().getSimpleName();
        return new ProjectedEvent(envelope.getEventId(), envelope.getQueueId(), envelope.getSequence(),
                envelope.getOccurredAt(), type, changeOf(payload, envelope), envelope.getActor(), detailOf(payload));
    }

    /** What an audit trail shows beside the event: why (a justification, a reason), or where (a desk, a queue). */
    private static String detailOf(Object payload) {
        return switch (payload) {
            case EntryPriorityChanged e -> e.getJustification();
            case EntryTransferStarted e -> "to " + e.getTargetQueueId() + ": " + e.getJustification();
            case EntryTransferredOut e -> "to " + e.getTargetQueueId();
            case EntryTransferReturned e -> "refused by " + e.getTargetQueueId() + ": " + e.getReason();
            case EntryOverflowed e -> "to " + e.getTargetQueueId();
            case QueuePaused e -> e.getReason();
            case QueueEmergencyStopped e -> e.getReason();
            case EntryFailed e -> e.getReason();
            case EntryCalled e -> e.getCounter() == null ? null : "at " + e.getCounter();
            case null, default -> null;
        };
    }

    private static Change changeOf(Object payload, QueueEventEnvelope envelope) {
        var at = envelope.getOccurredAt();
        return switch (payload) {
            case QueueCreated e -> new Change.QueueCreated(e.getName(), e.getCapacity(), tags(e.getSettings()));
            case QueueConfigured e -> new Change.QueueConfigured(e.getName(), e.getCapacity(), tags(e.getSettings()));
            case QueuePaused e -> new Change.QueueStatusSet(QueueStatus.PAUSED);
            case QueueResumed e -> new Change.QueueStatusSet(QueueStatus.OPEN);
            case QueueSlept e -> new Change.QueueStatusSet(QueueStatus.SLEEPING);
            case QueueWoken e -> new Change.QueueStatusSet(QueueStatus.OPEN);
            case QueueOpened e -> new Change.QueueStatusSet(QueueStatus.OPEN,
                    e.getScheduledFor() == null ? null : Planned.OPENING);
            // closedOutCount is not needed: the ids of every closed-out entry follow in the same transaction.
            case QueueClosed e -> new Change.QueueClosed(new Change.EntriesClosedOut(e.getClosedOut(), at),
                    e.getScheduledFor() == null ? null : Planned.CLOSING);
            case EntriesClosedOut e -> new Change.EntriesClosedOut(e.getEntryIds(), at);
            case QueueScheduled e -> new Change.QueueScheduled(e.getOpensAt(), e.getClosesAt());
            case ScheduleLapsed e -> new Change.ScheduleLapsed(lapsed(e, envelope));
            case EntryOverflowed e -> new Change.EntryOverflowed(e.getEntryId(), e.getTargetQueueId());
            case QueueEmergencyStopped e -> new Change.QueueStatusSet(QueueStatus.EMERGENCY_STOPPED);
            case EntryJoined e -> joined(e);
            case EntryCalled e -> new Change.EntryCalled(e.getEntryId(), e.getCalledAt(), e.getNumber(),
                    e.getCounter());
            case EntryCompleted e -> new Change.EntryFinished(e.getEntryId(), EntryStatus.COMPLETED, e.getCompletedAt());
            case EntryLeft e -> new Change.EntryFinished(e.getEntryId(), EntryStatus.LEFT, at);
            case EntryMarkedNoShow e -> new Change.EntryFinished(e.getEntryId(), EntryStatus.NO_SHOW, at);
            case EntryTransferredOut e -> new Change.EntryFinished(e.getEntryId(), EntryStatus.TRANSFERRED, at);
            case EntryRequeued e -> new Change.EntryRequeued(e.getEntryId());
            // A null key (written before keys existed) stays null: it needs the entry's ticket, which the stores have.
            case EntryPriorityChanged e -> new Change.EntryPriorityChanged(e.getEntryId(), priority(e.getTo()),
                    e.getOrderKey());
            // To the read models a promotion is a priority change that the aging limit made.
            case EntryPromoted e -> new Change.EntryPriorityChanged(e.getEntryId(), priority(e.getTo()),
                    e.getOrderKey());
            case EntryFailed e -> new Change.EntryFailed(e.getEntryId(), e.getAttempt(), e.getFailedAt(),
                    e.getRetryAt());
            case EntryReleased e -> new Change.EntryReleased(e.getEntryId());
            case EntryTransferStarted e -> new Change.EntryTransferring(e.getEntryId(), e.getTargetQueueId());
            case EntryTransferReturned e -> new Change.EntryTransferReturned(e.getEntryId());
            case EntryAdmitted e -> new Change.EntryAdmitted(e.getEntryId(), e.getAdmittedAt(), e.getExpiresAt(),
                    e.getNumber());
            case AdmissionExpired e -> new Change.EntryFinished(e.getEntryId(), EntryStatus.EXPIRED, e.getExpiredAt());
            case LotteryCommitted e -> new Change.SequenceOnly();
            case LotteryCutOff e -> new Change.SequenceOnly();
            case LotteryDrawn e -> new Change.SequenceOnly();
            case EntriesReordered e -> new Change.EntriesReordered(e.getEntryIds(), e.getOrderKeys());
            case EntryHeldForServiceElsewhere e -> new Change.EntryHeldForServiceElsewhere(e.getEntryId(),
                    new ServedElsewhere(e.getServedQueueId(), e.getServedEntryId()));
            case EntryBackFromServiceElsewhere e -> new Change.EntryBackFromServiceElsewhere(e.getEntryId(),
                    new ServedElsewhere(e.getServedQueueId(), e.getServedEntryId()), e.getStillServedElsewhere());
            case null -> throw new UnsupportedEventException("event " + envelope.getEventId() + " has no payload");
            default -> throw new UnsupportedEventException("event " + envelope.getEventId()
                    + " has a payload this projection does not know: " + payload.getClass().getName());
        };
    }

    /** The event's order key, or for an event written before keys existed the legacy key it means. */
    private static Change.EntryJoined joined(EntryJoined e) {
        Priority priority = priority(e.getPriority());
        long orderKey = e.getOrderKey() != null ? e.getOrderKey() : LegacyOrderKey.of(priority, e.getTicket());
        return new Change.EntryJoined(e.getEntryId(), priority, e.getTicket(), e.getJoinedAt(), e.getNumber(),
                e.getHeldUntil(), orderKey);
    }

    /**
     * A lapse that names neither transition cannot say which planned instant is used up; a guess would leave the
     * plan wrong for good, so it is unsupported like any event the projection does not understand.
     */
    private static Planned lapsed(ScheduleLapsed lapse, QueueEventEnvelope envelope) {
        return switch (lapse.getTransition()) {
            case "open" -> Planned.OPENING;
            case "close" -> Planned.CLOSING;
            default -> throw new UnsupportedEventException("event " + envelope.getEventId()
                    + " lapses an unknown transition: " + lapse.getTransition());
        };
    }

    private static java.util.List<String> tags(ledgerline.queue.v1.QueueSettings settings) {
        return settings == null ? java.util.List.of() : settings.getTags();
    }

    static Priority priority(ledgerline.queue.v1.Priority avro) {
        return Priority.valueOf(avro.name());
    }
}
