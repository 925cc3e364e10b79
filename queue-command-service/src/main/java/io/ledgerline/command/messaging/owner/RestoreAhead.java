package io.ledgerline.command.messaging.owner;

import io.ledgerline.command.messaging.PollLoop;
import io.ledgerline.command.model.QueueBook;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Restores, on a thread of its own, the partitions this instance owned last, while the run creates its other
 * clients, settles its transactions and joins the group: with static membership they are the ones it is given back.
 * The assignment then reads only what came after. Its book and reader belong to the run, which touches them only
 * after {@link #restored()}.
 */
final class RestoreAhead {

    private static final Logger LOG = Logger.getLogger(RestoreAhead.class);

    private final Set<Integer> partitions;
    private final QueueBook book;
    private final CompletableFuture<Map<TopicPartition, Long>> restored = new CompletableFuture<>();

    private RestoreAhead(Set<Integer> partitions, QueueBook book) {
        this.partitions = partitions;
        this.book = book;
    }

    static RestoreAhead start(Set<Integer> partitions, PartitionRestore restore, QueueBook book, Admin admin,
                              KafkaConsumer<String, byte[]> reader, PollLoop loop) {
        RestoreAhead ahead = new RestoreAhead(partitions, book);
        if (partitions.isEmpty()) {
            ahead.restored.complete(Map.of());
            return ahead;
        }
        Thread.ofPlatform().name("restore-ahead").daemon().start(() -> {
            try {
                ahead.restored.complete(restore.restore(partitions, book, admin, reader, loop, Map.of()));
            } catch (Throwable e) {
                ahead.restored.completeExceptionally(e);
            }
        });
        return ahead;
    }

    /** What was restored ahead, as offsets per topic partition; after a failure nothing (its partial work dropped). */
    Map<TopicPartition, Long> restored() {
        try {
            return restored.join();
        } catch (CompletionException e) {
            LOG.warnf("restoring ahead of the assignment failed (%s); restoring the assigned partitions now",
                    e.getCause());
            partitions.forEach(book::forget);
            return Map.of();
        }
    }

    /** Before the run closes the clients this thread uses: wait for it to be done, whatever became of it. */
    void finish() {
        try {
            restored.handle((done, error) -> null).join();
        } catch (CompletionException ignored) {
            // handled above
        }
    }
}
