package io.ledgerline.command.messaging.owner;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Polls the commands of one transaction. The consumer fetches ahead: the fetch it sends as poll() returns is answered
 * as soon as ONE command arrives, so after a commit the first poll returns the few commands that came first while the
 * rest wait for the next transaction. One more short poll takes what came meanwhile, so that a transaction carries
 * everything that arrived while the last one committed: fewer and bigger transactions as the load grows. Only when the
 * first poll found commands already waiting, which is what load looks like: a poll that had to wait for its command
 * is light load, and answering it at once costs no latency.
 */
final class BatchPoll {

    /** A poll that returns sooner than this found its records already fetched. */
    private static final long WAITED_NANOS = 300_000;

    private final KafkaConsumer<String, byte[]> consumer;
    private final Duration linger;
    private final int maxBatch;

    BatchPoll(KafkaConsumer<String, byte[]> consumer, Duration linger, int maxBatch) {
        this.consumer = consumer;
        this.linger = linger;
        this.maxBatch = maxBatch;
    }

    ConsumerRecords<String, byte[]> next(Duration wait) {
        long called = System.nanoTime();
        ConsumerRecords<String, byte[]> first = consumer.poll(wait);
        boolean waited = System.nanoTime() - called > WAITED_NANOS;
        if (first.isEmpty() || waited || linger.isZero() || first.count() >= maxBatch) {
            return first;
        }
        int generation = consumer.groupMetadata().generationId();
        ConsumerRecords<String, byte[]> more = consumer.poll(linger);
        if (consumer.groupMetadata().generationId() != generation) {
            // The extra poll ran a rebalance: a partition of the first poll may have moved, or been lost and taken
            // back from its committed offset. Decide none of them; polling again from the first offsets is correct
            // whatever happened, and rebalances are rare.
            rewind(first, more);
            return ConsumerRecords.empty();
        }
        return more.isEmpty() ? first : merged(first, more);
    }

    private static ConsumerRecords<String, byte[]> merged(ConsumerRecords<String, byte[]> first,
                                                          ConsumerRecords<String, byte[]> more) {
        Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> records = new HashMap<>();
        for (ConsumerRecords<String, byte[]> part : List.of(first, more)) {
            for (TopicPartition tp : part.partitions()) {
                records.merge(tp, part.records(tp), (a, b) -> concat(a, b));
            }
        }
        return new ConsumerRecords<>(records, Map.of());
    }

    private void rewind(ConsumerRecords<String, byte[]> first, ConsumerRecords<String, byte[]> more) {
        Set<TopicPartition> owned = consumer.assignment();
        Map<TopicPartition, Long> earliest = new HashMap<>();
        for (ConsumerRecords<String, byte[]> part : List.of(first, more)) {
            for (TopicPartition tp : part.partitions()) {
                earliest.merge(tp, part.records(tp).get(0).offset(), Math::min);
            }
        }
        earliest.forEach((tp, offset) -> {
            if (owned.contains(tp)) {
                consumer.seek(tp, offset);
            }
        });
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        var all = new java.util.ArrayList<T>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }
}
