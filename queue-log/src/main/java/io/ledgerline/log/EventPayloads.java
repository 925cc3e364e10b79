package io.ledgerline.log;

import static io.ledgerline.log.WirePriority.avro;
import static io.ledgerline.log.WirePriority.priority;

import io.ledgerline.queue.AdmissionExpired;
import io.ledgerline.queue.EntriesClosedOut;
import io.ledgerline.queue.EntriesReordered;
import io.ledgerline.queue.EntryAdmitted;
import io.ledgerline.queue.EntryBackFromServiceElsewhere;
import io.ledgerline.queue.EntryCalled;
import io.ledgerline.queue.EntryCompleted;
import io.ledgerline.queue.EntryDetails;
import io.ledgerline.queue.EntryFailed;
import io.ledgerline.queue.EntryHeldForServiceElsewhere;
import io.ledgerline.queue.EntryJoined;
import io.ledgerline.queue.EntryLeft;
import io.ledgerline.queue.EntryMarkedNoShow;
import io.ledgerline.queue.EntryOverflowed;
import io.ledgerline.queue.EntryPriorityChanged;
import io.ledgerline.queue.EntryPromoted;
import io.ledgerline.queue.EntryReleased;
import io.ledgerline.queue.EntryRequeued;
import io.ledgerline.queue.EntryTransferReturned;
import io.ledgerline.queue.EntryTransferStarted;
import io.ledgerline.queue.EntryTransferredOut;
import io.ledgerline.queue.LotteryCommitted;
import io.ledgerline.queue.LotteryCutOff;
import io.ledgerline.queue.LotteryDrawn;
import io.ledgerline.queue.QueueClosed;
import io.ledgerline.queue.QueueConfigured;
import io.ledgerline.queue.QueueCreated;
import io.ledgerline.queue.QueueEmergencyStopped;
import io.ledgerline.queue.QueueEvent;
import io.ledgerline.queue.QueueOpened;
import io.ledgerline.queue.QueuePaused;
import io.ledgerline.queue.QueueResumed;
import io.ledgerline.queue.QueueScheduled;
import io.ledgerline.queue.QueueSlept;
import io.ledgerline.queue.QueueStatus;
import io.ledgerline.queue.QueueWoken;
import io.ledgerline.queue.ScheduleLapsed;
import io.ledgerline.queue.ServedElsewhere;
import ledgerline.queue.v1.QueueEventEnvelope;

/**
 * The events of the queue log between the domain's types and their Avro payloads: the one translation that the
 * command service writes with and every reader of the log (replays, the operations tool) reads with.
 */
public final class EventPayloads {

    private EventPayloads() {}

    /** The domain event an envelope carries; throws for a payload this version does not know. */
    public static QueueEvent toDomain(QueueEventEnvelope envelope) {
        String q = envelope.getQueueId();
        return switch (envelope.getPayload()) {
            case ledgerline.queue.v1.QueueCreated p ->
                    new QueueCreated(q, p.getName(), p.getCapacity(), SettingsMapper.toDomain(p.getSettings()));
            case ledgerline.queue.v1.QueueConfigured p ->
                    new QueueConfigured(q, p.getName(), p.getCapacity(), SettingsMapper.toDomain(p.getSettings()));
            case ledgerline.queue.v1.EntryJoined p -> new EntryJoined(q, p.getEntryId(), priority(p.getPriority()),
                    p.getTicket(), p.getJoinedAt(), p.getNumber(), p.getHeldUntil(),
                    new EntryDetails(p.getType(), p.getExternalRef(), p.getPersonRef(), p.getMetadata()),
                    p.getOrderKey(), p.getTransferredFrom());
            case ledgerline.queue.v1.EntryOverflowed p -> new EntryOverflowed(q, p.getEntryId(), p.getTargetQueueId(),
                    priority(p.getPriority()), p.getJoinedAt(), p.getScheduledAt(),
                    new EntryDetails(p.getType(), p.getExternalRef(), p.getPersonRef(), p.getMetadata()));
            case ledgerline.queue.v1.EntryLeft p -> new EntryLeft(q, p.getEntryId());
            case ledgerline.queue.v1.EntryCalled p ->
                    new EntryCalled(q, p.getEntryId(), p.getCalledAt(), p.getNumber(), p.getCounter());
            case ledgerline.queue.v1.EntryCompleted p -> new EntryCompleted(q, p.getEntryId(), p.getCompletedAt());
            case ledgerline.queue.v1.EntryMarkedNoShow p -> new EntryMarkedNoShow(q, p.getEntryId());
            case ledgerline.queue.v1.EntryRequeued p -> new EntryRequeued(q, p.getEntryId());
            case ledgerline.queue.v1.EntryPriorityChanged p -> new EntryPriorityChanged(
                    q, p.getEntryId(), priority(p.getFrom()), priority(p.getTo()), p.getJustification(),
                    p.getOrderKey());
            case ledgerline.queue.v1.EntryPromoted p -> new EntryPromoted(q, p.getEntryId(), priority(p.getFrom()),
                    priority(p.getTo()), p.getOrderKey(), p.getPromotedAt());
            case ledgerline.queue.v1.EntryTransferStarted p -> new EntryTransferStarted(q, p.getEntryId(),
                    p.getTargetQueueId(), priority(p.getPriority()), p.getJustification(),
                    new EntryDetails(p.getType(), p.getExternalRef(), p.getPersonRef(), p.getMetadata()));
            case ledgerline.queue.v1.EntryTransferReturned p ->
                    new EntryTransferReturned(q, p.getEntryId(), p.getTargetQueueId(), p.getReason());
            case ledgerline.queue.v1.EntryAdmitted p ->
                    new EntryAdmitted(q, p.getEntryId(), p.getAdmittedAt(), p.getExpiresAt(), p.getNumber(),
                            p.getSlot() != null ? p.getSlot() : p.getAdmittedAt());
            case ledgerline.queue.v1.AdmissionExpired p -> new AdmissionExpired(q, p.getEntryId(), p.getExpiredAt());
            case ledgerline.queue.v1.LotteryCommitted p ->
                    new LotteryCommitted(q, p.getLotteryId(), p.getSeedHash(), p.getDrawAt());
            case ledgerline.queue.v1.LotteryCutOff p ->
                    new LotteryCutOff(q, p.getLotteryId(), p.getLastTicket(), p.getCutOffAt());
            case ledgerline.queue.v1.LotteryDrawn p ->
                    new LotteryDrawn(q, p.getLotteryId(), p.getSeed(), p.getParticipants());
            case ledgerline.queue.v1.EntriesReordered p -> new EntriesReordered(q, p.getEntryIds(), p.getOrderKeys());
            case ledgerline.queue.v1.EntryTransferredOut p -> new EntryTransferredOut(
                    q, p.getEntryId(), p.getTargetQueueId(), priority(p.getPriority()), p.getJustification());
            case ledgerline.queue.v1.QueuePaused p -> new QueuePaused(q, p.getReason());
            case ledgerline.queue.v1.QueueResumed p -> new QueueResumed(q);
            case ledgerline.queue.v1.QueueSlept p -> new QueueSlept(q, p.getUntil());
            case ledgerline.queue.v1.QueueWoken p -> new QueueWoken(q);
            case ledgerline.queue.v1.QueueOpened p -> new QueueOpened(q, p.getScheduledFor());
            case ledgerline.queue.v1.QueueClosed p -> new QueueClosed(q, p.getClosedOut(), p.getClosedOutCount(),
                    p.getScheduledFor());
            case ledgerline.queue.v1.EntriesClosedOut p -> new EntriesClosedOut(q, p.getEntryIds());
            case ledgerline.queue.v1.QueueScheduled p -> new QueueScheduled(q, p.getOpensAt(), p.getClosesAt());
            case ledgerline.queue.v1.ScheduleLapsed p -> new ScheduleLapsed(q, p.getTransition(), p.getScheduledFor(),
                    QueueStatus.valueOf(p.getStatus()));
            case ledgerline.queue.v1.QueueEmergencyStopped p -> new QueueEmergencyStopped(q, p.getReason());
            case ledgerline.queue.v1.EntryFailed p -> new EntryFailed(
                    q, p.getEntryId(), p.getReason(), p.getAttempt(), p.getFailedAt(), p.getRetryAt());
            case ledgerline.queue.v1.EntryReleased p -> new EntryReleased(q, p.getEntryId());
            case ledgerline.queue.v1.EntryHeldForServiceElsewhere p -> new EntryHeldForServiceElsewhere(q,
                    p.getEntryId(), new ServedElsewhere(p.getServedQueueId(), p.getServedEntryId()));
            case ledgerline.queue.v1.EntryBackFromServiceElsewhere p -> new EntryBackFromServiceElsewhere(q,
                    p.getEntryId(), new ServedElsewhere(p.getServedQueueId(), p.getServedEntryId()),
                    p.getStillServedElsewhere());
            case null, default -> throw new IllegalStateException("event " + envelope.getEventId()
                    + " of queue " + q + " has a payload this reader cannot apply");
        };
    }


    /** The Avro payload of a domain event, for the envelope's {@code payload} union. */
    public static Object toAvro(QueueEvent event) {
        return switch (event) {
            case QueueCreated e ->
                    new ledgerline.queue.v1.QueueCreated(e.name(), e.capacity(), SettingsMapper.toAvro(e.settings()));
            case QueueConfigured e ->
                    new ledgerline.queue.v1.QueueConfigured(e.name(), e.capacity(), SettingsMapper.toAvro(e.settings()));
            case EntryJoined e -> new ledgerline.queue.v1.EntryJoined(e.entryId(), avro(e.priority()), e.ticket(),
                    e.joinedAt(), e.number(), e.heldUntil(), e.details().type(), e.details().externalRef(),
                    e.details().personRef(), e.details().metadata(), e.orderKey(), e.transferredFrom());
            case EntryOverflowed e -> new ledgerline.queue.v1.EntryOverflowed(e.entryId(), e.targetQueueId(),
                    avro(e.priority()), e.joinedAt(), e.scheduledAt(), e.details().type(), e.details().externalRef(),
                    e.details().personRef(), e.details().metadata());
            case EntryLeft e -> new ledgerline.queue.v1.EntryLeft(e.entryId());
            case EntryCalled e ->
                    new ledgerline.queue.v1.EntryCalled(e.entryId(), e.calledAt(), e.number(), e.counter());
            case EntryCompleted e -> new ledgerline.queue.v1.EntryCompleted(e.entryId(), e.completedAt());
            case EntryMarkedNoShow e -> new ledgerline.queue.v1.EntryMarkedNoShow(e.entryId());
            case EntryRequeued e -> new ledgerline.queue.v1.EntryRequeued(e.entryId());
            case EntryPriorityChanged e -> new ledgerline.queue.v1.EntryPriorityChanged(
                    e.entryId(), avro(e.from()), avro(e.to()), e.justification(), e.orderKey());
            case EntryPromoted e -> new ledgerline.queue.v1.EntryPromoted(e.entryId(), avro(e.from()), avro(e.to()),
                    e.orderKey(), e.promotedAt());
            case EntryTransferStarted e -> new ledgerline.queue.v1.EntryTransferStarted(e.entryId(), e.targetQueueId(),
                    avro(e.priority()), e.justification(), e.details().type(), e.details().externalRef(),
                    e.details().personRef(), e.details().metadata());
            case EntryTransferReturned e -> new ledgerline.queue.v1.EntryTransferReturned(e.entryId(),
                    e.targetQueueId(), e.reason());
            case EntryAdmitted e ->
                    new ledgerline.queue.v1.EntryAdmitted(e.entryId(), e.admittedAt(), e.expiresAt(), e.number(), e.slot());
            case AdmissionExpired e -> new ledgerline.queue.v1.AdmissionExpired(e.entryId(), e.expiredAt());
            case LotteryCommitted e ->
                    new ledgerline.queue.v1.LotteryCommitted(e.lotteryId(), e.seedHash(), e.drawAt());
            case LotteryCutOff e -> new ledgerline.queue.v1.LotteryCutOff(e.lotteryId(), e.lastTicket(), e.cutOffAt());
            case LotteryDrawn e ->
                    new ledgerline.queue.v1.LotteryDrawn(e.lotteryId(), e.seed(), e.participants());
            case EntriesReordered e -> new ledgerline.queue.v1.EntriesReordered(e.entryIds(), e.orderKeys());
            case EntryTransferredOut e -> new ledgerline.queue.v1.EntryTransferredOut(
                    e.entryId(), e.targetQueueId(), avro(e.priority()), e.justification());
            case QueuePaused e -> new ledgerline.queue.v1.QueuePaused(e.reason());
            case QueueResumed e -> new ledgerline.queue.v1.QueueResumed();
            case QueueSlept e -> new ledgerline.queue.v1.QueueSlept(e.until());
            case QueueWoken e -> new ledgerline.queue.v1.QueueWoken();
            case QueueOpened e -> new ledgerline.queue.v1.QueueOpened(e.scheduledFor());
            case QueueClosed e -> new ledgerline.queue.v1.QueueClosed(e.closedOut(), e.closedOutCount(),
                    e.scheduledFor());
            case EntriesClosedOut e -> new ledgerline.queue.v1.EntriesClosedOut(e.entryIds());
            case QueueScheduled e -> new ledgerline.queue.v1.QueueScheduled(e.opensAt(), e.closesAt());
            case ScheduleLapsed e -> new ledgerline.queue.v1.ScheduleLapsed(e.transition(), e.scheduledFor(),
                    e.status().name());
            case QueueEmergencyStopped e -> new ledgerline.queue.v1.QueueEmergencyStopped(e.reason());
            case EntryFailed e -> new ledgerline.queue.v1.EntryFailed(
                    e.entryId(), e.reason(), e.attempt(), e.failedAt(), e.retryAt());
            case EntryReleased e -> new ledgerline.queue.v1.EntryReleased(e.entryId());
            case EntryHeldForServiceElsewhere e -> new ledgerline.queue.v1.EntryHeldForServiceElsewhere(e.entryId(),
                    e.service().queueId(), e.service().entryId());
            case EntryBackFromServiceElsewhere e -> new ledgerline.queue.v1.EntryBackFromServiceElsewhere(e.entryId(),
                    e.service().queueId(), e.service().entryId(), e.stillServedElsewhere());
        };
    }
}
