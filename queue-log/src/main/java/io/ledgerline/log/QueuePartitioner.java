package io.ledgerline.log;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * Which partition a queue lives on: the same murmur2 hash as Kafka's default partitioner. The processor checks it so
 * that a command produced by a client with another partitioner is moved to its queue's owner rather than decided by
 * a second, unaware owner.
 */
public final class QueuePartitioner {

    private QueuePartitioner() {}

    public static int partitionOf(String queueId, int partitionCount) {
        return Utils.toPositive(Utils.murmur2(queueId.getBytes(StandardCharsets.UTF_8))) % partitionCount;
    }
}
