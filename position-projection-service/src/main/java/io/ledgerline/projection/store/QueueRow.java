package io.ledgerline.projection.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.ledgerline.projection.model.QueueStatus;
import io.ledgerline.projection.model.QueueView;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "queues")
public class QueueRow extends PanacheEntityBase {

    @Id
    @Column(name = "queue_id")
    public String queueId;

    public String name;

    public Integer capacity;

    @Enumerated(EnumType.STRING)
    public QueueStatus status;

    @Column(name = "last_sequence", nullable = false)
    public long lastSequence;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The planned opening still ahead, if any. */
    @Column(name = "opens_at")
    public Instant opensAt;

    /** The planned closing still ahead, if any. */
    @Column(name = "closes_at")
    public Instant closesAt;

    public QueueView view() {
        return new QueueView(queueId, name, status, capacity == null ? 0 : capacity, lastSequence, opensAt, closesAt);
    }
}
