package io.ledgerline.projection.store;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.ledgerline.projection.model.EntryStatus;
import io.ledgerline.projection.model.EntryView;
import io.ledgerline.projection.model.Priority;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "entries")
@IdClass(EntryRow.Key.class)
public class EntryRow extends PanacheEntityBase {

    @Id
    @Column(name = "queue_id")
    public String queueId;

    @Id
    @Column(name = "entry_id")
    public String entryId;

    @Enumerated(EnumType.STRING)
    public Priority priority;

    public long ticket;

    @Enumerated(EnumType.STRING)
    public EntryStatus status;

    @Column(name = "joined_at")
    public Instant joinedAt;

    @Column(name = "called_at")
    public Instant calledAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "entry_number")
    public String number;

    /** The counter or desk of the last call. */
    public String counter;

    /** Set only while HELD. */
    @Column(name = "held_until")
    public Instant heldUntil;

    public int attempts;

    @Column(name = "updated_sequence")
    public long updatedSequence;

    public EntryView view() {
        return new EntryView(queueId, entryId, status, priority, ticket, joinedAt, number, counter, heldUntil,
                attempts);
    }

    /** Composite key (queue_id, entry_id). */
    public static class Key implements Serializable {
        public String queueId;
        public String entryId;

        public Key() {
        }

        public Key(String queueId, String entryId) {
            this.queueId = queueId;
            this.entryId = entryId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(queueId, k.queueId) && Objects.equals(entryId, k.entryId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(queueId, entryId);
        }
    }
}
