package io.ledgerline.projection.store;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
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

    /** While HELD, when due; ADMITTED, when the admission ends; SERVED_ELSEWHERE, when due if still scheduled. */
    @Column(name = "held_until")
    public Instant heldUntil;

    public int attempts;

    /** While SERVED_ELSEWHERE, the services of its person that hold it, as {@code queueId/entryId}; else empty. */
    @Column(name = "served_elsewhere")
    public String[] servedElsewhere;

    @Column(name = "updated_sequence")
    public long updatedSequence;

    public EntryView view() {
        return new EntryView(queueId, entryId, status, priority, ticket, joinedAt, number, counter, heldUntil,
                attempts, servedElsewhere == null ? List.of() : List.of(servedElsewhere), updatedSequence);
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
