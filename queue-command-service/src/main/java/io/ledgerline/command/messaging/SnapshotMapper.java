package io.ledgerline.command.messaging;

import static io.ledgerline.log.WirePriority.avro;

import io.ledgerline.command.model.QueueCheckpoint;
import io.ledgerline.log.SettingsMapper;
import io.ledgerline.queue.Entry;
import io.ledgerline.queue.QueueState;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import ledgerline.queue.v1.EntrySnapshot;
import ledgerline.queue.v1.QueueSnapshot;

/**
 * Writes a queue's state as its checkpoint on the snapshots topic: one record per part of at most
 * {@code partEntries} entries ({@link io.ledgerline.log.SnapshotParts} reads them back).
 */
@ApplicationScoped
public class SnapshotMapper {

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
}
