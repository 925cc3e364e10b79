package io.ledgerline.log;

import static io.ledgerline.log.WirePriority.priority;

import io.ledgerline.queue.CallingOrder;
import io.ledgerline.queue.Entry;
import io.ledgerline.queue.EntryDetails;
import io.ledgerline.queue.EntryStatus;
import io.ledgerline.queue.Lottery;
import io.ledgerline.queue.Priority;
import io.ledgerline.queue.QueueSchedule;
import io.ledgerline.queue.QueueSettings;
import io.ledgerline.queue.QueueState;
import io.ledgerline.queue.QueueStatus;
import io.ledgerline.queue.ServedElsewhere;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ledgerline.queue.v1.EntrySnapshot;
import ledgerline.queue.v1.QueueSnapshot;

/**
 * A queue's checkpoint on the snapshots topic read back: one record per part, so that a queue of a million people
 * still fits in records of ordinary size; the parts of one checkpoint share its sequence.
 */
public final class SnapshotParts {

    private SnapshotParts() {}

    /** Part 0 is keyed by the queue id itself; part i by {@code queueId#i}. Ids never hold '#'. */
    public static String key(String queueId, int part) {
        return part == 0 ? queueId : queueId + '#' + part;
    }

    /**
     * All parts of the checkpoint whose part 0 is {@code head}, in order, from the newest record of each key; null
     * when one is missing or of another sequence (not one consistent checkpoint).
     */
    public static List<QueueSnapshot> complete(QueueSnapshot head, Map<String, QueueSnapshot> newestByKey) {
        List<QueueSnapshot> parts = new ArrayList<>(head.getParts());
        parts.add(head);
        for (int part = 1; part < head.getParts(); part++) {
            QueueSnapshot next = newestByKey.get(key(head.getQueueId(), part));
            if (next == null || next.getSequence() != head.getSequence()) {
                return null;
            }
            parts.add(next);
        }
        return parts;
    }

    /** The state recorded by all parts of one checkpoint (the caller checks they are complete and of one sequence). */
    public static QueueState toDomain(List<QueueSnapshot> parts) {
        QueueSnapshot head = parts.get(0);
        QueueSettings settings = SettingsMapper.toDomain(head.getSettings());
        List<Entry> entries = new ArrayList<>();
        for (QueueSnapshot part : parts) {
            for (EntrySnapshot e : part.getEntries()) {
                String number = e.getNumber() != null ? e.getNumber() : settings.numberFor(e.getTicket());
                Priority priority = priority(e.getPriority());
                // Checkpoints written before order keys existed were of strict-priority queues that did not age.
                long orderKey = e.getOrderKey() != null ? e.getOrderKey() : CallingOrder.strictKey(priority, e.getTicket());
                entries.add(new Entry(e.getEntryId(), priority, e.getTicket(), EntryStatus.valueOf(e.getStatus()),
                        e.getJoinedAt(), number, e.getHeldUntil(), e.getAttempts(), orderKey, e.getAgingDue(),
                        new EntryDetails(e.getType(), e.getExternalRef(), e.getPersonRef(), e.getMetadata()),
                        e.getTransferTo(), e.getAdmittedUntil(), e.getServedElsewhere() == null ? List.of()
                                : e.getServedElsewhere().stream()
                                        .map(s -> new ServedElsewhere(s.getQueueId(), s.getEntryId())).toList()));
            }
        }
        return QueueState.restore(head.getQueueId(), head.getName(), head.getCapacity(), settings,
                QueueStatus.valueOf(head.getStatus()), head.getSleepingUntil(), head.getNextTicket(), head.getVirtualTime(), head.getLastAdmissionAt(), entries,
                new QueueSchedule(head.getOpensAt(), head.getClosesAt(), head.getLottery() == null ? null
                        : new Lottery(head.getLottery().getLotteryId(), head.getLottery().getSeedHash(),
                                head.getLottery().getDrawAt(), head.getLottery().getCutOffTicket())));
    }
}
