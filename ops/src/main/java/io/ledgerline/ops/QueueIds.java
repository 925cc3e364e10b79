package io.ledgerline.ops;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Every queue the log has events of: the events' keys, read without decoding a single value. */
final class QueueIds {

    private QueueIds() {}

    static Set<String> inLog(KafkaConsumer<String, byte[]> reader, String eventsTopic) {
        List<TopicPartition> partitions = reader.partitionsFor(eventsTopic).stream()
                .map(p -> new TopicPartition(eventsTopic, p.partition())).toList();
        reader.assign(partitions);
        reader.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
        long total = ends.values().stream().mapToLong(Long::longValue).sum()
                - reader.beginningOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        Progress progress = new Progress(System.err, "reading the log's queue ids");
        Set<String> ids = new TreeSet<>();
        long read = 0;
        while (partitions.stream().anyMatch(p -> reader.position(p) < ends.get(p))) {
            for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
                if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))
                        && record.key() != null) {
                    ids.add(record.key());
                }
                read++;
            }
            progress.show(read, total);
        }
        progress.done();
        return ids;
    }
}
