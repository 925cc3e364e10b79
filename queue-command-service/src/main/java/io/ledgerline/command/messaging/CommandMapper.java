package io.ledgerline.command.messaging;

import static io.ledgerline.log.WirePriority.avro;

import io.ledgerline.queue.BulkCommand;
import io.ledgerline.queue.CallNext;
import io.ledgerline.queue.ChangePriority;
import io.ledgerline.queue.CloseQueue;
import io.ledgerline.queue.CompleteEntry;
import io.ledgerline.queue.ConfigureQueue;
import io.ledgerline.queue.CreateQueue;
import io.ledgerline.queue.EmergencyStopByTags;
import io.ledgerline.queue.HoldForServiceElsewhere;
import io.ledgerline.queue.HoldPersonEntries;
import io.ledgerline.queue.ReturnFromServiceElsewhere;
import io.ledgerline.queue.ReturnPersonEntries;
import io.ledgerline.queue.ServedElsewhere;
import io.ledgerline.queue.EmergencyStopQueue;
import io.ledgerline.queue.EntryDetails;
import io.ledgerline.queue.FailEntry;
import io.ledgerline.queue.JoinBatch;
import io.ledgerline.queue.JoinQueue;
import io.ledgerline.queue.LeaveQueue;
import io.ledgerline.queue.MarkNoShow;
import io.ledgerline.queue.OpenQueue;
import io.ledgerline.queue.PauseQueue;
import io.ledgerline.queue.Priority;
import io.ledgerline.queue.QueueCommand;
import io.ledgerline.queue.AdmitDueEntries;
import io.ledgerline.queue.CommitLottery;
import io.ledgerline.queue.CutOffLottery;
import io.ledgerline.queue.DrawLottery;
import io.ledgerline.queue.ExpireAdmissions;
import io.ledgerline.queue.PromoteAgedEntries;
import io.ledgerline.queue.ReleaseDueEntries;
import io.ledgerline.queue.SettleTransfer;
import io.ledgerline.queue.RequeueEntry;
import io.ledgerline.queue.ResumeByTags;
import io.ledgerline.queue.ResumeQueue;
import io.ledgerline.queue.ScheduleQueue;
import io.ledgerline.queue.SleepQueue;
import io.ledgerline.queue.TagSelector;
import io.ledgerline.queue.TransferEntry;
import io.ledgerline.queue.WakeQueue;
import io.ledgerline.log.SettingsMapper;
import io.ledgerline.log.WirePriority;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import ledgerline.queue.v1.QueueCommandEnvelope;

/**
 * Translates between the Avro command envelope on the commands topic and the domain's commands. The Avro classes
 * share their simple names with the domain records, so the Avro side is always written fully qualified.
 */
@ApplicationScoped
public class CommandMapper {

    public QueueCommandEnvelope toAvro(String commandId, String requestId, String actor, Instant issuedAt,
                                       QueueCommand command) {
        return QueueCommandEnvelope.newBuilder()
                .setCommandId(commandId)
                .setRequestId(requestId)
                .setQueueId(command.queueId())
                .setIssuedAt(issuedAt)
                .setActor(actor)
                .setPayload(payloadOf(command))
                .build();
    }

    /**
     * A command about every selected queue of one partition: the envelope's queue id is {@code partition-<n>} and the
     * record goes to partition n.
     */
    public QueueCommandEnvelope toAvro(String commandId, String requestId, String actor, Instant issuedAt,
                                       BulkCommand command, int partition) {
        Object payload = switch (command) {
            case EmergencyStopByTags c -> new ledgerline.queue.v1.EmergencyStopByTags(c.selector().tags(), c.reason());
            case ResumeByTags c -> new ledgerline.queue.v1.ResumeByTags(c.selector().tags());
            case HoldPersonEntries c -> new ledgerline.queue.v1.HoldPersonEntries(c.personRef(),
                    c.service().queueId(), c.service().entryId());
            case ReturnPersonEntries c -> new ledgerline.queue.v1.ReturnPersonEntries(c.personRef(),
                    c.service().queueId(), c.service().entryId());
        };
        return QueueCommandEnvelope.newBuilder().setCommandId(commandId).setRequestId(requestId)
                .setQueueId(bulkAddress(partition)).setIssuedAt(issuedAt).setActor(actor).setPayload(payload).build();
    }

    /** The queue id a bulk command's envelope carries for its partition. */
    public static String bulkAddress(int partition) {
        return "partition-" + partition;
    }

    public boolean isBulk(QueueCommandEnvelope envelope) {
        return envelope.getPayload() instanceof ledgerline.queue.v1.EmergencyStopByTags
                || envelope.getPayload() instanceof ledgerline.queue.v1.ResumeByTags
                || envelope.getPayload() instanceof ledgerline.queue.v1.HoldPersonEntries
                || envelope.getPayload() instanceof ledgerline.queue.v1.ReturnPersonEntries;
    }

    public BulkCommand toBulk(QueueCommandEnvelope envelope) {
        return switch (envelope.getPayload()) {
            case ledgerline.queue.v1.EmergencyStopByTags p -> new EmergencyStopByTags(selector(p.getTags()), p.getReason());
            case ledgerline.queue.v1.ResumeByTags p -> new ResumeByTags(selector(p.getTags()));
            case ledgerline.queue.v1.HoldPersonEntries p -> new HoldPersonEntries(p.getPersonRef(),
                    served(p.getServedQueueId(), p.getServedEntryId()));
            case ledgerline.queue.v1.ReturnPersonEntries p -> new ReturnPersonEntries(p.getPersonRef(),
                    served(p.getServedQueueId(), p.getServedEntryId()));
            default -> throw new IllegalArgumentException("not a bulk command: " + envelope.getPayload());
        };
    }

    /** Null when either part is missing, which the bulk command's own check then names. */
    private static ServedElsewhere served(String queueId, String entryId) {
        return queueId == null || entryId == null ? null : new ServedElsewhere(queueId, entryId);
    }

    private static TagSelector selector(java.util.List<String> tags) {
        return new TagSelector(tags);
    }

    /** @throws MalformedCommandException when the payload is not a command this service knows */
    public QueueCommand toDomain(QueueCommandEnvelope envelope) {
        String q = envelope.getQueueId();
        return switch (envelope.getPayload()) {
            case ledgerline.queue.v1.CreateQueue p ->
                    new CreateQueue(q, p.getName(), p.getCapacity(), SettingsMapper.toDomain(p.getSettings()));
            case ledgerline.queue.v1.ConfigureQueue p ->
                    new ConfigureQueue(q, p.getName(), p.getCapacity(), SettingsMapper.toDomain(p.getSettings()));
            case ledgerline.queue.v1.JoinQueue p -> join(q, p);
            case ledgerline.queue.v1.JoinBatch p ->
                    new JoinBatch(q, p.getEntries() == null ? null : p.getEntries().stream().map(e -> join(q, e)).toList());
            case ledgerline.queue.v1.LeaveQueue p -> new LeaveQueue(q, p.getEntryId());
            case ledgerline.queue.v1.CallNext p -> new CallNext(q, p.getCalledAt(), p.getCounter());
            case ledgerline.queue.v1.CompleteEntry p -> new CompleteEntry(q, p.getEntryId(), p.getCompletedAt());
            case ledgerline.queue.v1.MarkNoShow p -> new MarkNoShow(q, p.getEntryId());
            case ledgerline.queue.v1.RequeueEntry p -> new RequeueEntry(q, p.getEntryId());
            case ledgerline.queue.v1.ChangePriority p ->
                    new ChangePriority(q, p.getEntryId(), priority(p.getPriority()), p.getJustification());
            case ledgerline.queue.v1.TransferEntry p ->
                    new TransferEntry(q, p.getEntryId(), p.getTargetQueueId(), p.getJustification());
            case ledgerline.queue.v1.PauseQueue p -> new PauseQueue(q, p.getReason());
            case ledgerline.queue.v1.ResumeQueue p -> new ResumeQueue(q);
            // The sender's clock says when the sleep was asked for: the wake time must lie after it.
            case ledgerline.queue.v1.SleepQueue p -> new SleepQueue(q, p.getUntil(), envelope.getIssuedAt());
            case ledgerline.queue.v1.WakeQueue p -> new WakeQueue(q);
            case ledgerline.queue.v1.OpenQueue p -> new OpenQueue(q, p.getScheduledFor());
            case ledgerline.queue.v1.CloseQueue p -> new CloseQueue(q, p.getScheduledFor());
            case ledgerline.queue.v1.ScheduleQueue p -> new ScheduleQueue(q, p.getOpensAt(), p.getClosesAt(),
                    p.getRequestedAt());
            case ledgerline.queue.v1.EmergencyStopQueue p -> new EmergencyStopQueue(q, p.getReason());
            case ledgerline.queue.v1.FailEntry p -> new FailEntry(q, p.getEntryId(), p.getReason(), p.getFailedAt());
            case ledgerline.queue.v1.ReleaseDueEntries p -> new ReleaseDueEntries(q, p.getAsOf());
            case ledgerline.queue.v1.PromoteAgedEntries p -> new PromoteAgedEntries(q, p.getAsOf());
            case ledgerline.queue.v1.SettleTransfer p ->
                    new SettleTransfer(q, p.getEntryId(), p.getTargetQueueId(), p.getRefusal());
            case ledgerline.queue.v1.AdmitDueEntries p -> new AdmitDueEntries(q, p.getAsOf());
            case ledgerline.queue.v1.ExpireAdmissions p -> new ExpireAdmissions(q, p.getAsOf());
            case ledgerline.queue.v1.CommitLottery p ->
                    new CommitLottery(q, p.getLotteryId(), p.getSeedHash(), p.getDrawAt(), p.getRequestedAt());
            case ledgerline.queue.v1.CutOffLottery p -> new CutOffLottery(q, p.getAsOf());
            case ledgerline.queue.v1.DrawLottery p -> new DrawLottery(q, p.getLotteryId(), p.getSeed());
            case null -> throw new MalformedCommandException("the command has no payload");
            default -> throw new MalformedCommandException(
                    "unknown command payload " + envelope.getPayload().getClass().getSimpleName());
        };
    }

    private static Object payloadOf(QueueCommand command) {
        return switch (command) {
            case CreateQueue c ->
                    new ledgerline.queue.v1.CreateQueue(c.name(), c.capacity(), SettingsMapper.toAvro(c.settings()));
            case ConfigureQueue c ->
                    new ledgerline.queue.v1.ConfigureQueue(c.name(), c.capacity(), SettingsMapper.toAvro(c.settings()));
            case JoinQueue c -> join(c);
            case JoinBatch c -> new ledgerline.queue.v1.JoinBatch(c.entries().stream().map(CommandMapper::join).toList());
            case LeaveQueue c -> new ledgerline.queue.v1.LeaveQueue(c.entryId());
            case CallNext c -> new ledgerline.queue.v1.CallNext(c.calledAt(), c.counter());
            case CompleteEntry c -> new ledgerline.queue.v1.CompleteEntry(c.entryId(), c.completedAt());
            case MarkNoShow c -> new ledgerline.queue.v1.MarkNoShow(c.entryId());
            case RequeueEntry c -> new ledgerline.queue.v1.RequeueEntry(c.entryId());
            case ChangePriority c ->
                    new ledgerline.queue.v1.ChangePriority(c.entryId(), avro(c.priority()), c.justification());
            case TransferEntry c ->
                    new ledgerline.queue.v1.TransferEntry(c.entryId(), c.targetQueueId(), c.justification());
            case PauseQueue c -> new ledgerline.queue.v1.PauseQueue(c.reason());
            case ResumeQueue c -> new ledgerline.queue.v1.ResumeQueue();
            case SleepQueue c -> new ledgerline.queue.v1.SleepQueue(c.until());
            case WakeQueue c -> new ledgerline.queue.v1.WakeQueue();
            case OpenQueue c -> new ledgerline.queue.v1.OpenQueue(c.scheduledFor());
            case CloseQueue c -> new ledgerline.queue.v1.CloseQueue(c.scheduledFor());
            case ScheduleQueue c -> new ledgerline.queue.v1.ScheduleQueue(c.opensAt(), c.closesAt(), c.requestedAt());
            case EmergencyStopQueue c -> new ledgerline.queue.v1.EmergencyStopQueue(c.reason());
            case FailEntry c -> new ledgerline.queue.v1.FailEntry(c.entryId(), c.reason(), c.failedAt());
            case ReleaseDueEntries c -> new ledgerline.queue.v1.ReleaseDueEntries(c.asOf());
            case PromoteAgedEntries c -> new ledgerline.queue.v1.PromoteAgedEntries(c.asOf());
            case SettleTransfer c -> new ledgerline.queue.v1.SettleTransfer(c.entryId(), c.targetQueueId(), c.refusal());
            case AdmitDueEntries c -> new ledgerline.queue.v1.AdmitDueEntries(c.asOf());
            case ExpireAdmissions c -> new ledgerline.queue.v1.ExpireAdmissions(c.asOf());
            case CommitLottery c ->
                    new ledgerline.queue.v1.CommitLottery(c.lotteryId(), c.seedHash(), c.drawAt(), c.requestedAt());
            case CutOffLottery c -> new ledgerline.queue.v1.CutOffLottery(c.asOf());
            case DrawLottery c -> new ledgerline.queue.v1.DrawLottery(c.lotteryId(), c.seed());
            case HoldForServiceElsewhere c -> throw decidedWithinItsBulk(c);
            case ReturnFromServiceElsewhere c -> throw decidedWithinItsBulk(c);
        };
    }

    private static IllegalArgumentException decidedWithinItsBulk(QueueCommand command) {
        return new IllegalArgumentException(command.getClass().getSimpleName()
                + " is decided within its bulk command, queue by queue, and never sent alone");
    }

    private static JoinQueue join(String queueId, ledgerline.queue.v1.JoinQueue p) {
        return new JoinQueue(queueId, p.getEntryId(), priority(p.getPriority()), p.getJoinedAt(), p.getScheduledAt(),
                new EntryDetails(p.getType(), p.getExternalRef(), p.getPersonRef(), p.getMetadata()),
                p.getOverflowedFrom(), p.getTransferredFrom(), p.getAnonymous());
    }

    private static ledgerline.queue.v1.JoinQueue join(JoinQueue c) {
        EntryDetails d = c.details();
        return new ledgerline.queue.v1.JoinQueue(c.entryId(), avro(c.priority()), c.joinedAt(), c.scheduledAt(),
                d.type(), d.externalRef(), d.personRef(), d.metadata(), c.overflowedFrom(), c.transferredFrom(),
                c.anonymous());
    }

    static Priority priority(ledgerline.queue.v1.Priority priority) {
        if (priority == null) {
            throw new MalformedCommandException("priority is missing");
        }
        return WirePriority.priority(priority);
    }
}
