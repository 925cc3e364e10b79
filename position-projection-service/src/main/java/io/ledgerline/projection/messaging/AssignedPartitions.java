package io.ledgerline.projection.messaging;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.TopicPartition;

/** The events topic's partitions this instance's consumer holds now, as its rebalance listener last saw them. */
@ApplicationScoped
public class AssignedPartitions {

    private volatile Set<TopicPartition> partitions = Set.of();

    void set(Collection<TopicPartition> now) {
        partitions = Set.copyOf(now);
    }

    public Set<TopicPartition> get() {
        return partitions;
    }

    /** The partition numbers, in order. */
    public Set<Integer> numbers() {
        return numbers(partitions);
    }

    /** The numbers of {@code partitions}, in order, as logs, markers and answers name them. */
    public static Set<Integer> numbers(Collection<TopicPartition> partitions) {
        Set<Integer> numbers = new TreeSet<>();
        partitions.forEach(tp -> numbers.add(tp.partition()));
        return numbers;
    }
}
