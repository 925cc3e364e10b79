package io.ledgerline.projection.store;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.ledgerline.projection.model.WaitingRank;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;

/**
 * Reads of a queue's waiting line that say which sequence they reflect: each is one script run, atomic with the
 * queue's last applied sequence ({@code lua/read-waiting.lua}).
 */
@ApplicationScoped
public class RedisLineReads {

    private static final String RESOURCE = "lua/read-waiting.lua";

    /** A waiting entry's 1-based position (null when it is not in the line) as of {@code sequence}. */
    public record PositionAt(Long position, long sequence) {}

    /** A page of the line as of {@code sequence}, each entry with its position and its score (for the next cursor). */
    public record PageAt(List<WaitingRank> ranks, List<String> scores, long sequence) {}

    private final ReactiveRedisDataSource redis;
    private final RedisKeys keys;
    private final String source = RedisApplyScript.source(RESOURCE);
    private final String sha1 = RedisApplyScript.sha1(source);

    public RedisLineReads(ReactiveRedisDataSource redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    public Uni<PositionAt> position(String queueId, String entryId) {
        return run(queueId, "RANK", entryId).map(reply -> {
            long rank = reply.get(0).toLong();
            return new PositionAt(rank < 0 ? null : rank + 1, reply.get(1).toLong());
        });
    }

    /** Up to {@code limit} entries after the one named ({@code afterId} empty: from the head). */
    public Uni<PageAt> page(String queueId, String afterId, String afterScore, int limit) {
        return run(queueId, "PAGE", afterId, afterScore, Integer.toString(limit)).map(reply -> {
            long start = reply.get(1).toLong();
            List<WaitingRank> ranks = new ArrayList<>();
            List<String> scores = new ArrayList<>();
            for (int i = 2; i + 1 < reply.size(); i += 2) {
                ranks.add(new WaitingRank(reply.get(i).toString(), start + ranks.size() + 1));
                scores.add(reply.get(i + 1).toString());
            }
            return new PageAt(ranks, scores, reply.get(0).toLong());
        });
    }

    /** The whole line in calling order as of {@code sequence}, in one atomic read. */
    public record LineAt(List<String> entryIds, long sequence) {}

    public Uni<LineAt> line(String queueId) {
        return run(queueId, "LINE").map(reply -> {
            List<String> ids = new ArrayList<>(reply.size() - 1);
            for (int i = 1; i < reply.size(); i++) {
                ids.add(reply.get(i).toString());
            }
            return new LineAt(ids, reply.get(0).toLong());
        });
    }

    /** The queue's last sequence applied to Redis (0: none yet). PostgreSQL applies each batch first. */
    public Uni<Long> lastSequence(String queueId) {
        return redis.execute("GET", keys.lastSequence(queueId)).map(r -> r == null ? 0L : r.toLong());
    }

    private Uni<Response> run(String queueId, String... args) {
        List<String> call = new ArrayList<>(List.of("2", keys.waiting(queueId), keys.lastSequence(queueId)));
        call.addAll(List.of(args));
        List<String> bySha = new ArrayList<>(call);
        bySha.add(0, sha1);
        List<String> bySource = new ArrayList<>(call);
        bySource.add(0, source);
        return redis.execute("EVALSHA", bySha.toArray(String[]::new))
                .onFailure(e -> String.valueOf(e.getMessage()).startsWith("NOSCRIPT"))
                .recoverWithUni(() -> redis.execute("EVAL", bySource.toArray(String[]::new)));
    }
}
