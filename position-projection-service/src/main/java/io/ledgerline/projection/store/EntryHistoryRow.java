package io.ledgerline.projection.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.ledgerline.projection.model.EntryStatus;
import io.ledgerline.projection.model.Priority;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** Append-only audit: one row per transition of an entry. */
@Entity
@Table(name = "entry_history")
public class EntryHistoryRow extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "queue_id")
    public String queueId;

    @Column(name = "entry_id")
    public String entryId;

    public long sequence;

    @Column(name = "event_type")
    public String eventType;

    @Enumerated(EnumType.STRING)
    public EntryStatus status;

    @Enumerated(EnumType.STRING)
    public Priority priority;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    static EntryHistoryRow of(EntryRow entry, long sequence, String eventType, Instant occurredAt) {
        EntryHistoryRow row = new EntryHistoryRow();
        row.queueId = entry.queueId;
        row.entryId = entry.entryId;
        row.sequence = sequence;
        row.eventType = eventType;
        row.status = entry.status;
        row.priority = entry.priority;
        row.occurredAt = occurredAt;
        return row;
    }
}
