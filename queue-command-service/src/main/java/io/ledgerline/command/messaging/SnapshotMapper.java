package io.ledgerline.command.messaging;

import static io.ledgerline.command.messaging.CommandMapper.avro;
import static io.ledgerline.command.messaging.CommandMapper.priority;

import io.ledgerline.command.model.QueueCheckpoint;
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
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import ledgerline.queue.v1.EntrySnapshot;
import ledgerline.queue.v1.QueueSnapshot;

/**
 * Translates between a queue's state and its checkpoint on the snapshots topic: one record per part of at most
 * {@code partEntries} entries, so that a queue of a million people still fits in records of ordinary size.
 */
@ApplicationScoped
public class SnapshotMapper {

    /** Part 0 is keyed by the queue id itself; part i by {@code queueId#i}. Ids never hold '#'. */
    public static String key(String queueId, int part) {
        return part == 0 ? queueId : queueId + '#' + part;
    }

    public List<QueueSnapshot> toAvro(QueueCheckpoint checkpoint, long replayFrom, Instant takenAt, int partEntries) {
        QueueState state = checkpoint.state();
        List<Entry> entries = state.activeEntries();
        int parts = Math.max(1, (entries.size() + partEntries - 1) / partEntries);
        List<QueueSnapshot> records = new ArrayList<>(parts);
        for (int part = 0; part < parts; part++) {
            List<EntrySnapshot> slice = entries
                    .subList(part * partEntries, Math.min(entries.size(), (part + 1) * partEntries)).stream()
                    .map(SnapshotMapper::toAvro)
                    .toList();
            records.add(QueueSnapshot.newBuilder()
                    .setQueueId(checkpoint.queueId())
                    .setSequence(checkpoint.sequence())
                    .setName(state.name())
                    .setCapacity(state.capacity())
                    .setStatus(state.status().name())
                    .setNextTicket(state.nextTicket())
                    .setEntries(slice)
                    .setSleepingUntil(state.sleepingUntil())
                    .setOpensAt(state.schedule().opensAt())
                    .setClosesAt(state.schedule().closesAt())
                    .setSettings(SettingsMapper.toAvro(state.settings()))
                    .setVirtualTime(state.virtualTime())
                    .setLastAdmissionAt(state.lastAdmissionAt())
                    .setLottery(state.lottery() == null ? null : new ledgerline.queue.v1.PendingLottery(
                            state.lottery().lotteryId(), state.lottery().seedHash(), state.lottery().drawAt(),
                            state.lottery().cutOffTicket()))
                    .setReplayFrom(replayFrom)
                    .setPart(part)
                    .setParts(parts)
                    .setTakenAt(takenAt)
                    .build());
        }
        return records;
    }

    private static EntrySnapshot toAvro(Entry e) {
        return EntrySnapshot.newBuilder().setEntryId(e.entryId()).setPriority(avro(e.priority())).setTicket(e.ticket())
                .setStatus(e.status().name()).setJoinedAt(e.joinedAt()).setNumber(e.number())
                .setHeldUntil(e.heldUntil()).setAttempts(e.attempts()).setOrderKey(e.orderKey())
                .setTransferTo(e.transferTo()).setType(e.details().type()).setExternalRef(e.details().externalRef())
                .setPersonRef(e.details().personRef()).setMetadata(e.details().metadata())
                .setAdmittedUntil(e.admittedUntil()).setAgingDue(e.agingDue())
                .setServedElsewhere(e.servedElsewhere().isEmpty() ? null : e.servedElsewhere().stream()
                        .map(s -> new ledgerline.queue.v1.ServiceElsewhere(s.queueId(), s.entryId())).toList())
                .build();
    }

    /** The state recorded by all parts of one checkpoint (the caller checks they are complete and of one sequence). */
    public QueueState toDomain(List<QueueSnapshot> parts) {
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
