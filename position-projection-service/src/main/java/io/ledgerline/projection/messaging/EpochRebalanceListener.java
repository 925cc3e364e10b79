package io.ledgerline.projection.messaging;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;

/**
 * On partition assignment: continue each partition from its committed offset if Redis and PostgreSQL carry the same
 * epoch marker for it, otherwise rebuild it from the beginning of the log. Blocking is fine here: it runs on the
 * polling thread.
 */
@ApplicationScoped
@Identifier(EpochRebalanceListener.NAME)
public class EpochRebalanceListener implements KafkaConsumerRebalanceListener {

    public static final String NAME = "projection-epoch";

    private final ProjectionRebuilder rebuilder;
    private final AssignedPartitions assigned;

    public EpochRebalanceListener(ProjectionRebuilder rebuilder, AssignedPartitions assigned) {
        this.rebuilder = rebuilder;
        this.assigned = assigned;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        assigned.set(consumer.assignment());
        if (!partitions.isEmpty()) {
            rebuilder.rebuildUnmarked(consumer, consumer.assignment(), "epoch markers missing or different");
        }
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Set<TopicPartition> kept = new HashSet<>(consumer.assignment());
        kept.removeAll(partitions);
        assigned.set(kept);
    }
}
