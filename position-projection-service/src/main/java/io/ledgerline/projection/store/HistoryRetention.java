package io.ledgerline.projection.store;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.ledgerline.projection.ProjectionConfig;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import org.jboss.logging.Logger;

/**
 * Keeps the journeys and audit trails for {@code ledgerline.projection.history-retention}: once an hour, rows older
 * than that go. The log itself keeps everything; a rebuild refills what is within the window and more.
 */
@ApplicationScoped
public class HistoryRetention {

    private static final Logger LOG = Logger.getLogger(HistoryRetention.class);
    private static final Duration EVERY = Duration.ofHours(1);

    private final PgAuditTrail trail;
    private final Duration retention;

    public HistoryRetention(PgAuditTrail trail, ProjectionConfig config) {
        this.trail = trail;
        this.retention = config.historyRetention();
    }

    void start(@Observes StartupEvent started, Vertx vertx) {
        vertx.setPeriodic(EVERY.toMillis(), tick -> expire());
    }

    void expire() {
        Instant before = Instant.now().minus(retention);
        trail.expire(before).subscribe().with(
                removed -> LOG.debugf("history retention: %d rows before %s removed", removed, before),
                failure -> LOG.warnf("history retention could not remove rows before %s: %s", before,
                        failure.getMessage()));
    }
}
