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
 * Reads one partition between two offsets, with a consumer of the caller's (assigned here, never subscribed;
 * read_committed, so an aborted transaction's records are never seen). The one loop every reader of a whole
 * partition or a stretch of it uses: the replay, the operations tool's backup and rebuild.
 */
public final class PartitionScan {

    private static final Duration POLL = Duration.ofMillis(200);

    private PartitionScan() {}

    /**
     * Hands each record from {@code from} (not before the partition's beginning) up to {@code until}, exclusive, to
     * {@code each} until it answers false; answers the records read.
     */
    public static long read(Consumer<String, byte[]> reader, TopicPartition partition, long from, long until,
                     Predicate<ConsumerRecord<String, byte[]>> each) {
        if (from >= until) {
            return 0;
        }
        reader.assign(List.of(partition));
        reader.seek(partition, from);
        long read = 0;
        while (reader.position(partition) < until) {
            for (ConsumerRecord<String, byte[]> record : reader.poll(POLL).records(partition)) {
                if (record.offset() >= until) {
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

    /** As {@link #read}, from {@code from} or the partition's beginning if later, to its end as it is now. */
    public static long readToEnd(Consumer<String, byte[]> reader, TopicPartition partition, long from,
                          Predicate<ConsumerRecord<String, byte[]>> each) {
        return read(reader, partition, Math.max(from, beginning(reader, partition)), end(reader, partition), each);
    }

    public static long end(Consumer<String, byte[]> reader, TopicPartition partition) {
        return reader.endOffsets(List.of(partition)).get(partition);
    }

    public static long beginning(Consumer<String, byte[]> reader, TopicPartition partition) {
        return reader.beginningOffsets(List.of(partition)).get(partition);
    }

    /** The first offset whose record is at or after {@code time}; empty when every record is older. */
    static OptionalLong offsetAt(Consumer<String, byte[]> reader, TopicPartition partition, Instant time) {
        OffsetAndTimestamp found = reader.offsetsForTimes(Map.of(partition, time.toEpochMilli())).get(partition);
        return found == null ? OptionalLong.empty() : OptionalLong.of(found.offset());
    }
}
