package io.ledgerline.projection.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.ledgerline.projection.model.EntryStatus;
import io.ledgerline.projection.model.EntryView;
import io.ledgerline.projection.model.QueueView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Read side of the PostgreSQL read model. */
@ApplicationScoped
public class PgReadModel {

    public Uni<Optional<QueueView>> queue(String queueId) {
        return Panache.withSession(() -> QueueRow.<QueueRow>findById(queueId))
                .map(row -> Optional.ofNullable(row).map(QueueRow::view));
    }

    public Uni<Optional<EntryView>> entry(String queueId, String entryId) {
        return Panache.withSession(() -> EntryRow.<EntryRow>findById(new EntryRow.Key(queueId, entryId)))
                .map(row -> Optional.ofNullable(row).map(EntryRow::view));
    }

    public Uni<List<EntryView>> entries(String queueId, Collection<String> entryIds) {
        if (entryIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.withSession(() -> EntryRow.<EntryRow>list("queueId = ?1 and entryId in ?2", queueId, entryIds))
                .map(rows -> rows.stream().map(EntryRow::view).toList());
    }

    /** Entries of one status after a ticket, in ticket order (statuses other than WAITING, which Redis ranks). */
    public Uni<List<EntryView>> entriesWithStatus(String queueId, EntryStatus status, long afterTicket, int limit) {
        return Panache.withSession(() -> EntryRow.<EntryRow>find(
                "queueId = ?1 and status = ?2 and ticket > ?3 order by ticket", queueId, status, afterTicket)
                .page(0, limit).list())
                .map(rows -> rows.stream().map(EntryRow::view).toList());
    }
}
