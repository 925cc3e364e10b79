package io.ledgerline.projection.it;

import java.util.HashMap;
import java.util.Map;

import io.ledgerline.projection.store.RedisKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.sortedset.ScoredValue;

/** The order key Redis holds for each active entry: a waiting one's score in the line, the kept key of the others. */
final class KeptKeys {

    private KeptKeys() {
    }

    static Map<String, Long> of(RedisDataSource redis, RedisKeys keys, String queueId) {
        Map<String, Long> kept = new HashMap<>();
        redis.hash(String.class).hgetall(keys.activeScores(queueId))
                .forEach((id, key) -> kept.put(id, Long.parseLong(key)));
        for (ScoredValue<String> waiting : redis.sortedSet(String.class).zrangeWithScores(keys.waiting(queueId), 0,
                -1)) {
            kept.put(waiting.value(), (long) waiting.score());
        }
        return kept;
    }
}
