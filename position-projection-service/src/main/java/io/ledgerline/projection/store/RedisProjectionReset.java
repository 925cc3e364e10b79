package io.ledgerline.projection.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.ledgerline.log.QueuePartitioner;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.redis.datasource.keys.KeyScanCursor;

/**
 * Epoch markers (a hash, partition → epoch) and wipes of the Redis side. Blocking: called from the Kafka polling
 * thread or a worker thread.
 */
@ApplicationScoped
public class RedisProjectionReset {

    private static final Logger LOG = Logger.getLogger(RedisProjectionReset.class);

    private final RedisDataSource redis;
    private final RedisKeys keys;

    public RedisProjectionReset(RedisDataSource redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    public Map<Integer, String> epochs() {
        Map<Integer, String> epochs = new HashMap<>();
        redis.hash(String.class).hgetall(keys.epochs()).forEach((p, epoch) -> epochs.put(Integer.parseInt(p), epoch));
        return epochs;
    }

    public void writeEpoch(Set<Integer> partitions, String epoch) {
        Map<String, String> fields = new HashMap<>();
        partitions.forEach(p -> fields.put(Integer.toString(p), epoch));
        redis.hash(String.class).hset(keys.epochs(), fields);
    }

    public void forgetEpochs() {
        redis.key(String.class).del(keys.epochs());
    }

    /**
     * Deletes the keys of the queues of {@code partitions} and their markers; every key under the prefix when they
     * are all the partitions there are. SCAN, not KEYS: Redis keeps serving meanwhile.
     */
    public long wipe(Set<Integer> partitions, int partitionCount) {
        boolean all = partitions.size() == partitionCount;
        KeyScanCursor<String> cursor = redis.key(String.class)
                .scan(new KeyScanArgs().match(globEscape(keys.prefix()) + "*").count(1000));
        long deleted = 0;
        while (cursor.hasNext()) {
            List<String> batch = cursor.next().stream()
                    .filter(key -> all || keys.queueOf(key).map(q -> partitions.contains(
                            QueuePartitioner.partitionOf(q, partitionCount))).orElse(false))
                    .toList();
            if (!batch.isEmpty()) {
                deleted += redis.key(String.class).del(batch.toArray(String[]::new));
            }
        }
        if (!all) {
            redis.hash(String.class).hdel(keys.epochs(), partitions.stream().map(String::valueOf)
                    .toArray(String[]::new));
        }
        LOG.infof("Deleted %d Redis keys of partitions %s under %s", deleted, partitions, keys.prefix());
        return deleted;
    }

    private static String globEscape(String literal) {
        return literal.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }
}
