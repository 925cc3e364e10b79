package io.ledgerline.command.messaging.owner;

import io.ledgerline.command.messaging.PollLoop;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a new owner may stop reading a partition and trust it has seen everything. A transaction the previous owner
 * left open when it died may still commit (the broker finishes a prepared commit on its own), and a read-committed
 * reader stops before it: restoring then would miss committed events and fork the queue's history. So: note the end
 * of the log as it is now, and wait until every transaction open at that moment is finished, i.e. until the last
 * stable offset has caught up with it. A restarted instance finds nothing to wait for (its own initTransactions
 * settled its transaction); another instance taking over waits at most the transaction timeout.
 */
final class StableEnds {

    private StableEnds() {}

    static Map<TopicPartition, Long> await(Admin admin, Collection<TopicPartition> partitions, Duration atMost,
                                           PollLoop loop) throws InterruptedException, ExecutionException {
        Map<TopicPartition, Long> logEnds = ends(admin, partitions, IsolationLevel.READ_UNCOMMITTED);
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            Map<TopicPartition, Long> stable = ends(admin, partitions, IsolationLevel.READ_COMMITTED);
            if (partitions.stream().allMatch(tp -> stable.get(tp) >= logEnds.get(tp))) {
                return stable;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("transactions left open on " + partitions + " did not finish within "
                        + atMost + " (stable " + stable + ", log end " + logEnds + ")");
            }
            loop.beat();
            Thread.sleep(100);
        }
    }

    private static Map<TopicPartition, Long> ends(Admin admin, Collection<TopicPartition> partitions,
                                                  IsolationLevel isolation) throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all().get()
                .forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }
}
