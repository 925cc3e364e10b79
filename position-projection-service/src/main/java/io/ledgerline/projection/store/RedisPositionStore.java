package io.ledgerline.projection.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.ledgerline.projection.model.ApplyOutcome;
import io.ledgerline.projection.model.EventsByQueue;
import io.ledgerline.projection.model.LineMove;
import io.ledgerline.projection.model.ProjectedEvent;
import io.ledgerline.projection.model.SequenceCheck;
import io.ledgerline.projection.model.WaitingRank;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.sortedset.ReactiveSortedSetCommands;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * Waiting lines in Redis: per queue a sorted set of WAITING entries scored by the order keys the events carry (the
 * domain's calling order: ascending key, equal keys by entry id, which is the set's own tie order; HELD entries stay
 * out of it until released, entries whose person is served elsewhere until back) and the last applied sequence. A
 * queue's events are applied by one Lua script, so each sequence check and its change are atomic; a batch costs one
 * round trip whatever the number of queues.
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

    /** What Redis did with each event, in the events' order, and how many entries wait in each queue after it. */
    public record Applied(List<ApplyOutcome> outcomes, Map<String, Long> waiting) {
    }

    /**
     * Applies the events: one script call per queue with that queue's events, all calls in one pipeline. Each event's
     * outcome carries the moves of the line it made.
     */
    public Uni<Applied> apply(List<ProjectedEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(new Applied(List.of(), Map.of()));
        }
        Map<String, List<Integer>> byQueue = EventsByQueue.of(events);
        List<Request> calls = new ArrayList<>(byQueue.size());
        byQueue.forEach((queueId, positions) -> calls.add(call(queueId, positions, events)));
        return evalsha(calls).map(replies -> {
            ApplyOutcome[] outcomes = new ApplyOutcome[events.size()];
            Map<String, Long> waiting = new LinkedHashMap<>();
            int call = 0;
            for (Map.Entry<String, List<Integer>> queue : byQueue.entrySet()) {
                Response reply = replies.get(call++);
                List<Integer> positions = queue.getValue();
                for (int i = 0; i < positions.size(); i++) {
                    outcomes[positions.get(i)] = new ApplyOutcome(SequenceCheck.valueOf(reply.get(3 * i).toString()),
                            reply.get(3 * i + 1).toLong(), moves(reply.get(3 * i + 2)));
                }
                waiting.put(queue.getKey(), reply.get(3 * positions.size()).toLong());
            }
            return new Applied(List.of(outcomes), waiting);
        });
    }

    private static List<LineMove> moves(Response flat) {
        if (flat.size() == 0) {
            return List.of();
        }
        List<LineMove> moves = new ArrayList<>(flat.size() / 3);
        for (int i = 0; i + 2 < flat.size(); i += 3) {
            moves.add(LineMove.ofScript(flat.get(i).toString(), flat.get(i + 1).toString(), flat.get(i + 2).toLong()));
        }
        return moves;
    }

    private Request call(String queueId, List<Integer> positions, List<ProjectedEvent> events) {
        Request request = Request.cmd(Command.EVALSHA).arg(script.sha1).arg(4)
                .arg(keys.lastSequence(queueId)).arg(keys.waiting(queueId)).arg(keys.activeScores(queueId))
                .arg(keys.servedElsewhere(queueId));
        for (int position : positions) {
            ProjectedEvent event = events.get(position);
            RedisApplyScript.Operation operation = RedisApplyScript.operation(event.change());
            request.arg(event.sequence()).arg(operation.name()).arg(operation.operands().size());
            operation.operands().forEach(request::arg);
        }
        return request;
    }

    /**
     * Runs the calls in one pipeline. A Redis that lost its script cache (restart, SCRIPT FLUSH) answers NOSCRIPT:
     * load the script and run the calls again; calls that did run meanwhile are skipped by their sequence check.
     */
    private Uni<List<Response>> evalsha(List<Request> calls) {
        return redis.getRedis().batch(calls)
                .onFailure(f -> String.valueOf(f.getMessage()).contains("NOSCRIPT"))
                .recoverWithUni(() -> redis.execute("SCRIPT", "LOAD", script.source)
                        .flatMap(loaded -> redis.getRedis().batch(calls)));
    }

    public Uni<Long> waitingCount(String queueId) {
        return sortedSets.zcard(keys.waiting(queueId));
    }

    /** 1-based position of a WAITING entry, empty when the entry is not waiting. */
    public Uni<OptionalLong> position(String queueId, String entryId) {
        return sortedSets.zrank(keys.waiting(queueId), entryId)
                .map(rank -> rank == null ? OptionalLong.empty() : OptionalLong.of(rank + 1));
    }

    public Uni<String> ping() {
        return redis.execute("PING").map(Response::toString);
    }
}
