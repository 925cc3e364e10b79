package io.ledgerline.command.model;

import io.ledgerline.queue.CallNext;
import io.ledgerline.queue.ChangePriority;
import io.ledgerline.queue.CloseQueue;
import io.ledgerline.queue.CompleteEntry;
import io.ledgerline.queue.ConfigureQueue;
import io.ledgerline.queue.CreateQueue;
import io.ledgerline.queue.EmergencyStopQueue;
import io.ledgerline.queue.FailEntry;
import io.ledgerline.queue.JoinBatch;
import io.ledgerline.queue.JoinQueue;
import io.ledgerline.queue.LeaveQueue;
import io.ledgerline.queue.MarkNoShow;
import io.ledgerline.queue.OpenQueue;
import io.ledgerline.queue.PauseQueue;
import io.ledgerline.queue.QueueCommand;
import io.ledgerline.queue.QueueSettings;
import io.ledgerline.queue.AdmitDueEntries;
import io.ledgerline.queue.CommitLottery;
import io.ledgerline.queue.CutOffLottery;
import io.ledgerline.queue.DrawLottery;
import io.ledgerline.queue.HoldForServiceElsewhere;
import io.ledgerline.queue.ReturnFromServiceElsewhere;
import io.ledgerline.queue.ExpireAdmissions;
import io.ledgerline.queue.PromoteAgedEntries;
import io.ledgerline.queue.ReleaseDueEntries;
import io.ledgerline.queue.SettleTransfer;
import io.ledgerline.queue.RequeueEntry;
import io.ledgerline.queue.ResumeQueue;
import io.ledgerline.queue.ScheduleQueue;
import io.ledgerline.queue.SleepQueue;
import io.ledgerline.queue.TransferEntry;
import io.ledgerline.queue.WakeQueue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * What a command asks for, as a short digest: two commands under one idempotency key are "the same request" when
 * their fingerprints are equal. The moments at which a command was issued (joinedAt, calledAt, completedAt, the
 * time a sleep was asked for) are left out: a retry is stamped anew, yet asks for the same thing.
 */
public final class CommandFingerprint {

    private static final HexFormat HEX = HexFormat.of();

    private CommandFingerprint() {}

    public static String of(QueueCommand command) {
        Object[] content = switch (command) {
            case CreateQueue c -> withSettings(c.settings(), "create", c.queueId(), c.name(), c.capacity());
            case ConfigureQueue c -> withSettings(c.settings(), "configure", c.queueId(), c.name(), c.capacity());
            case JoinQueue c -> join(c);
            case JoinBatch c -> fields("batch", c.queueId(), c.entries().stream().map(e -> Arrays.asList(join(e))).toList());
            case LeaveQueue c -> fields("leave", c.queueId(), c.entryId());
            case CallNext c -> c.counter() == null ? fields("call-next", c.queueId())
                    : fields("call-next", c.queueId(), c.counter());
            case CompleteEntry c -> fields("complete", c.queueId(), c.entryId());
            case MarkNoShow c -> fields("no-show", c.queueId(), c.entryId());
            case RequeueEntry c -> fields("requeue", c.queueId(), c.entryId());
            case ChangePriority c -> fields("priority", c.queueId(), c.entryId(), c.priority(), c.justification());
            case TransferEntry c -> fields("transfer", c.queueId(), c.entryId(), c.targetQueueId(), c.justification());
            case PauseQueue c -> fields("pause", c.queueId(), c.reason());
            case ResumeQueue c -> fields("resume", c.queueId());
            case SleepQueue c -> fields("sleep", c.queueId(), c.until());
            case WakeQueue c -> fields("wake", c.queueId());
            case OpenQueue c -> c.scheduledFor() == null ? fields("open", c.queueId())
                    : fields("open", c.queueId(), c.scheduledFor());
            case CloseQueue c -> c.scheduledFor() == null ? fields("close", c.queueId())
                    : fields("close", c.queueId(), c.scheduledFor());
            // Without requestedAt: the same plan asked again a second later is the same request.
            case ScheduleQueue c -> fields("schedule", c.queueId(), c.opensAt(), c.closesAt());
            case EmergencyStopQueue c -> fields("emergency-stop", c.queueId(), c.reason());
            case FailEntry c -> fields("fail", c.queueId(), c.entryId(), c.reason());
            // Without its time: two firings of one release timer at different moments are the same request.
            case ReleaseDueEntries c -> fields("release", c.queueId());
            case PromoteAgedEntries c -> fields("promote", c.queueId());
            case SettleTransfer c -> fields("settle-transfer", c.queueId(), c.entryId(), c.targetQueueId(), c.refusal());
            case AdmitDueEntries c -> fields("admit", c.queueId());
            case ExpireAdmissions c -> fields("expire", c.queueId());
            case CommitLottery c -> fields("lottery", c.queueId(), c.lotteryId(), c.seedHash(), c.drawAt());
            case CutOffLottery c -> fields("lottery-cut", c.queueId());
            case DrawLottery c -> fields("lottery-draw", c.queueId(), c.lotteryId());
            case HoldForServiceElsewhere c -> fields("hold-elsewhere", c.queueId(), c.personRef(),
                    String.valueOf(c.service()));
            case ReturnFromServiceElsewhere c -> fields("back-from-elsewhere", c.queueId(), c.personRef(),
                    String.valueOf(c.service()));
        };
        return digest(content);
    }

    /** A join's later fields count only when set, like the settings below. */
    private static Object[] join(JoinQueue c) {
        List<Object> fields = new ArrayList<>(List.of("join", c.queueId(), c.entryId(), c.priority()));
        if (c.scheduledAt() != null) {
            fields.add(c.scheduledAt());
        }
        if (!c.details().isNone()) {
            fields.add(c.details()); // a record: its text names every detail, metadata sorted by key
        }
        if (c.anonymous()) {
            fields.add("anonymous");
        }
        if (c.transferredFrom() != null) {
            fields.add("from " + c.transferredFrom());
        }
        return fields.toArray();
    }

    private static Object[] fields(Object... values) {
        return values;
    }

    /**
     * Fields added to a command later count only when they are set, so the fingerprints remembered before they
     * existed still match a retry of the same request.
     */
    private static Object[] withSettings(QueueSettings settings, Object... values) {
        if (QueueSettings.DEFAULT.equals(settings)) {
            return values;
        }
        Object[] all = java.util.Arrays.copyOf(values, values.length + 1);
        all[values.length] = settings; // a record: its text names every setting, in a fixed order
        return all;
    }

    /** Each value is written with its length first, so no choice of characters can make two contents collide. */
    private static String digest(Object[] content) {
        StringBuilder text = new StringBuilder();
        for (Object value : content) {
            String s = value == null ? "\u0000" : value.toString();
            text.append(s.length()).append(':').append(s).append(';');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HEX.formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
