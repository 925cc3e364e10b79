package io.ledgerline.log;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads one partition from an offset up to its end as it was when the scan began, with a consumer of the caller's
 * (assigned here, never subscribed; read_committed, so an aborted transaction's records are never seen).
 */
final class PartitionScan {

    private static final Duration POLL = Duration.ofMillis(200);

    private PartitionScan() {}

    /** Hands each record to {@code each} until it answers false or the end is reached; answers the records read. */
    static long read(Consumer<String, byte[]> reader, TopicPartition partition, long from,
                     Predicate<ConsumerRecord<String, byte[]>> each) {
        reader.assign(List.of(partition));
        long end = reader.endOffsets(List.of(partition)).get(partition);
        long start = Math.max(from, reader.beginningOffsets(List.of(partition)).get(partition));
        if (start >= end) {
            return 0;
        }
        reader.seek(partition, start);
        long read = 0;
        while (reader.position(partition) < end) {
            for (ConsumerRecord<String, byte[]> record : reader.poll(POLL).records(partition)) {
                if (record.offset() >= end) {
                    return read;
                }
                read++;
                if (!each.test(record)) {
                    return read;
                }
            }
        }
        return read;
    }

    static long end(Consumer<String, byte[]> reader, TopicPartition partition) {
        return reader.endOffsets(List.of(partition)).get(partition);
    }

    static long beginning(Consumer<String, byte[]> reader, TopicPartition partition) {
        return reader.beginningOffsets(List.of(partition)).get(partition);
    }

    /** The first offset whose record is at or after {@code time}; empty when every record is older. */
    static OptionalLong offsetAt(Consumer<String, byte[]> reader, TopicPartition partition, Instant time) {
        OffsetAndTimestamp found = reader.offsetsForTimes(Map.of(partition, time.toEpochMilli())).get(partition);
        return found == null ? OptionalLong.empty() : OptionalLong.of(found.offset());
    }
}
