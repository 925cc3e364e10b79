package io.ledgerline.projection.store;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.redis.datasource.keys.KeyScanCursor;

/** Epoch marker and wipe of the Redis side. Blocking: called from the Kafka polling thread or a worker thread. */
@ApplicationScoped
public class RedisProjectionReset {

    private static final Logger LOG = Logger.getLogger(RedisProjectionReset.class);

    private final RedisDataSource redis;
    private final RedisKeys keys;

    public RedisProjectionReset(RedisDataSource redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    public Optional<String> epoch() {
        return Optional.ofNullable(redis.value(String.class).get(keys.epoch()));
    }

    public void writeEpoch(String epoch) {
        redis.value(String.class).set(keys.epoch(), epoch);
    }

    /** Deletes every key under the prefix, the epoch marker included. SCAN, not KEYS: Redis keeps serving meanwhile. */
    public long wipe() {
        KeyScanCursor<String> cursor = redis.key(String.class)
                .scan(new KeyScanArgs().match(globEscape(keys.prefix()) + "*").count(1000));
        long deleted = 0;
        while (cursor.hasNext()) {
            Set<String> batch = cursor.next();
            if (!batch.isEmpty()) {
                deleted += redis.key(String.class).del(batch.toArray(String[]::new));
            }
        }
        LOG.infof("Deleted %d Redis keys under %s", deleted, keys.prefix());
        return deleted;
    }

    private static String globEscape(String literal) {
        return literal.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }
}
