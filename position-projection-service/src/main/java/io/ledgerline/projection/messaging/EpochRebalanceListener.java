package io.ledgerline.projection.messaging;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;

/**
 * On partition assignment: continue from the committed offsets if Redis and PostgreSQL carry the same epoch marker,
 * otherwise rebuild both from the beginning of the log. Blocking is fine here: it runs on the polling thread.
 */
@ApplicationScoped
@Identifier(EpochRebalanceListener.NAME)
public class EpochRebalanceListener implements KafkaConsumerRebalanceListener {

    public static final String NAME = "projection-epoch";

    private static final Logger LOG = Logger.getLogger(EpochRebalanceListener.class);

    private final ProjectionRebuilder rebuilder;

    public EpochRebalanceListener(ProjectionRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        if (rebuilder.markersAgree()) {
            LOG.infof("Projection epoch markers agree; continuing %s from the committed offsets", partitions);
            return;
        }
        rebuilder.rebuild(consumer, partitions, "epoch markers missing or different");
    }
}
