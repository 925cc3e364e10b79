package io.ledgerline.projection.store;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.ledgerline.projection.model.ApplyOutcome;
import io.ledgerline.projection.model.Change;
import io.ledgerline.projection.model.PositionScore;
import io.ledgerline.projection.model.ProjectedEvent;
import io.ledgerline.projection.model.SequenceCheck;
import io.ledgerline.projection.model.WaitingRank;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.sortedset.ReactiveSortedSetCommands;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;

/**
 * Waiting lines in Redis: per queue a sorted set of WAITING entries (strict priority, FIFO by ticket) and the last
 * applied sequence. Each event is applied by one Lua script, so the sequence check and the change are atomic.
 */
@ApplicationScoped
public class RedisPositionStore {

    private final ReactiveRedisDataSource redis;
    private final ReactiveSortedSetCommands<String, String> sortedSets;
    private final RedisKeys keys;
    private final RedisApplyScript script = RedisApplyScript.load();

    public RedisPositionStore(ReactiveRedisDataSource redis, RedisKeys keys) {
        this.redis = redis;
        this.sortedSets = redis.sortedSet(String.class);
        this.keys = keys;
    }

    public Uni<ApplyOutcome> apply(ProjectedEvent event) {
        String q = event.queueId();
        List<String> args = new ArrayList<>(List.of("3", keys.lastSequence(q), keys.waiting(q), keys.activeScores(q),
                Long.toString(event.sequence())));
        args.addAll(operation(event.change()));
        args.add(Long.toString(PositionScore.STRIDE));
        return evalsha(args).map(RedisPositionStore::outcome);
    }

    /** Operation, entry id and number argument of the script for one change. */
    private static List<String> operation(Change change) {
        return switch (change) {
            case Change.EntryJoined e -> List.of("JOIN", e.entryId(),
                    Long.toString(PositionScore.of(e.priority(), e.ticket())));
            case Change.EntryCalled e -> List.of("CALL", e.entryId(), "");
            case Change.EntryFinished e -> List.of("FINISH", e.entryId(), "");
            case Change.EntryRequeued e -> List.of("REQUEUE", e.entryId(), "");
            case Change.EntryPriorityChanged e -> List.of("PRIORITY", e.entryId(),
                    Integer.toString(e.priority().index()));
            case Change.QueueCreated c -> List.of("NONE", "", "");
            case Change.QueueConfigured c -> List.of("NONE", "", "");
            case Change.QueueStatusSet c -> List.of("NONE", "", "");
        };
    }

    private Uni<Response> evalsha(List<String> args) {
        List<String> withSha = new ArrayList<>(args.size() + 1);
        withSha.add(script.sha1);
        withSha.addAll(args);
        return redis.execute("EVALSHA", withSha.toArray(String[]::new))
                .onFailure(f -> String.valueOf(f.getMessage()).contains("NOSCRIPT"))
                .recoverWithUni(() -> {
                    List<String> withSource = new ArrayList<>(args.size() + 1);
                    withSource.add(script.source);
                    withSource.addAll(args);
                    return redis.execute("EVAL", withSource.toArray(String[]::new));
                });
    }

    private static ApplyOutcome outcome(Response reply) {
        return new ApplyOutcome(SequenceCheck.valueOf(reply.get(0).toString()), reply.get(1).toLong());
    }

    public Uni<Long> waitingCount(String queueId) {
        return sortedSets.zcard(keys.waiting(queueId));
    }

    /** 1-based position of a WAITING entry, empty when the entry is not waiting. */
    public Uni<OptionalLong> position(String queueId, String entryId) {
        return sortedSets.zrank(keys.waiting(queueId), entryId)
                .map(rank -> rank == null ? OptionalLong.empty() : OptionalLong.of(rank + 1));
    }

    /** The first {@code limit} waiting entries, in serving order. */
    public Uni<List<WaitingRank>> firstWaiting(String queueId, int limit) {
        return sortedSets.zrange(keys.waiting(queueId), 0, limit - 1L).map(ids -> {
            List<WaitingRank> ranks = new ArrayList<>(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                ranks.add(new WaitingRank(ids.get(i), i + 1L));
            }
            return ranks;
        });
    }

    public Uni<String> ping() {
        return redis.execute("PING").map(Response::toString);
    }
}
