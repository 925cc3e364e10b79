package io.ledgerline.projection.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import io.ledgerline.projection.model.ApplyOutcome;
import io.ledgerline.projection.model.Change;
import io.ledgerline.projection.model.EntryStatus;
import io.ledgerline.projection.model.ProjectedEvent;
import io.ledgerline.projection.model.QueueStatus;
import io.ledgerline.projection.model.SequenceCheck;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Queues and entries in PostgreSQL. Each event is applied in one transaction that locks the queue row, checks the
 * sequence, changes the entry, appends the history row and advances {@code last_sequence}.
 */
@ApplicationScoped
public class PgProjectionStore {

    private static final Logger LOG = Logger.getLogger(PgProjectionStore.class);

    public Uni<ApplyOutcome> apply(ProjectedEvent event) {
        return Panache.withTransaction(() -> QueueRow.<QueueRow>findById(event.queueId(), LockModeType.PESSIMISTIC_WRITE)
                .flatMap(queue -> {
                    long last = queue == null ? 0 : queue.lastSequence;
                    SequenceCheck check = SequenceCheck.of(last, event.sequence());
                    ApplyOutcome outcome = new ApplyOutcome(check, last);
                    if (check != SequenceCheck.APPLY) {
                        return Uni.createFrom().item(outcome);
                    }
                    QueueRow row = queue != null ? queue : newQueue(event.queueId());
                    row.lastSequence = event.sequence();
                    row.updatedAt = event.occurredAt();
                    return applyChange(row, event).replaceWith(outcome);
                }));
    }

    private static QueueRow newQueue(String queueId) {
        QueueRow row = new QueueRow();
        row.queueId = queueId;
        return row;
    }

    private Uni<Void> applyChange(QueueRow queue, ProjectedEvent event) {
        return switch (event.change()) {
            case Change.QueueCreated c -> {
                queue.name = c.name();
                queue.capacity = c.capacity();
                queue.status = QueueStatus.OPEN;
                yield queue.persist().replaceWithVoid();
            }
            case Change.QueueConfigured c -> {
                queue.name = c.name();
                queue.capacity = c.capacity();
                yield queue.persist().replaceWithVoid();
            }
            case Change.QueueStatusSet c -> {
                queue.status = c.status();
                yield queue.persist().replaceWithVoid();
            }
            case Change.EntryJoined c -> queue.persist()
                    .flatMap(ignored -> EntryRow.<EntryRow>findById(new EntryRow.Key(queue.queueId, c.entryId())))
                    .flatMap(existing -> {
                        // An entry id may join again after it finished: the row then starts over.
                        EntryRow entry = existing != null ? existing : new EntryRow();
                        entry.queueId = queue.queueId;
                        entry.entryId = c.entryId();
                        entry.priority = c.priority();
                        entry.ticket = c.ticket();
                        entry.status = EntryStatus.WAITING;
                        entry.joinedAt = c.joinedAt();
                        entry.calledAt = null;
                        entry.finishedAt = null;
                        return saveEntry(entry, event);
                    });
            case Change.EntryCalled c -> updateEntry(queue, c.entryId(), event, entry -> {
                entry.status = EntryStatus.CALLED;
                entry.calledAt = c.calledAt();
            });
            case Change.EntryFinished c -> updateEntry(queue, c.entryId(), event, entry -> {
                entry.status = c.status();
                entry.finishedAt = c.finishedAt();
            });
            case Change.EntryRequeued c -> updateEntry(queue, c.entryId(), event, entry -> {
                entry.status = EntryStatus.WAITING;
                entry.calledAt = null;
            });
            case Change.EntryPriorityChanged c -> updateEntry(queue, c.entryId(), event,
                    entry -> entry.priority = c.priority());
        };
    }

    private Uni<Void> updateEntry(QueueRow queue, String entryId, ProjectedEvent event,
            java.util.function.Consumer<EntryRow> transition) {
        return queue.persist()
                .flatMap(ignored -> EntryRow.<EntryRow>findById(new EntryRow.Key(queue.queueId, entryId)))
                .flatMap(entry -> {
                    if (entry == null) {
                        // The command side never emits this; advance the sequence anyway: the log is the truth.
                        LOG.warnf("Queue %s event %d (%s) names unknown entry %s", queue.queueId, event.sequence(),
                                event.eventType(), entryId);
                        return Uni.createFrom().voidItem();
                    }
                    transition.accept(entry);
                    return saveEntry(entry, event);
                });
    }

    private static Uni<Void> saveEntry(EntryRow entry, ProjectedEvent event) {
        entry.updatedSequence = event.sequence();
        return entry.persist()
                .flatMap(ignored -> EntryHistoryRow.of(entry, event.sequence(), event.eventType(), event.occurredAt())
                        .persist())
                .replaceWithVoid();
    }
}
