package io.ledgerline.projection.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.ledgerline.projection.ProjectionConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.vertx.mutiny.core.Vertx;

/**
 * Looks at the epoch markers of this instance's partitions every {@code epoch-check-interval}: a rebuild asked of any
 * instance drops every partition's markers, and each owner rebuilds its own partitions when it sees them gone. Also
 * repairs a partition whose markers were lost by hand (a flushed Redis).
 */
@ApplicationScoped
public class EpochWatch {

    private static final Logger LOG = Logger.getLogger(EpochWatch.class);

    private final KafkaClientService kafka;
    private final ProjectionRebuilder rebuilder;
    private final AssignedPartitions assigned;
    private final ProjectionStatus status;
    private volatile boolean looking;

    public EpochWatch(KafkaClientService kafka, ProjectionRebuilder rebuilder, AssignedPartitions assigned,
            ProjectionStatus status) {
        this.kafka = kafka;
        this.rebuilder = rebuilder;
        this.assigned = assigned;
        this.status = status;
    }

    void start(@Observes StartupEvent startup, Vertx vertx, ProjectionConfig config) {
        vertx.setPeriodic(config.epochCheckInterval().toMillis(), tick -> look());
    }

    private void look() {
        if (looking || assigned.get().isEmpty() || status.haltReason().isPresent()) {
            return;
        }
        looking = true;
        kafka.getConsumer(QueueEventConsumer.CHANNEL)
                .runOnPollingThread(consumer -> {
                    rebuilder.rebuildUnmarked(consumer, consumer.assignment(), "epoch markers dropped or lost");
                })
                .subscribe().with(done -> looking = false, failure -> {
                    looking = false;
                    LOG.warnf("Looking at the epoch markers failed: %s", failure.toString());
                });
    }
}
