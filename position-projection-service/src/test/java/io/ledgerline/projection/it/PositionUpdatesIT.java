package io.ledgerline.projection.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.ledgerline.projection.store.RedisKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import ledgerline.queue.v1.EntryJoined;
import ledgerline.queue.v1.Priority;
import ledgerline.queue.v1.QueueEventEnvelope;

/**
 * ledgerline.position-updates.v1 as a subscriber sees it: events go to the test events topic through the running
 * projection, and a subscriber that starts now, reading the position-updates topic by its documented rules, keeps
 * the same line as Redis through calls, leaves, a draw that reshuffles the line, a redelivery and a closing.
 */
@QuarkusTest
class PositionUpdatesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    RedisDataSource redis;

    @Inject
    RedisKeys keys;

    @Test
    void aSubscriberFollowsTheLineFromDeltasAndSnapshots() {
        QueueScript queue = new QueueScript();
        LineFollower follower = new LineFollower();
        List<String> ids = IntStream.range(0, 100).mapToObj(i -> String.format("e%03d", i)).toList();
        try (PositionUpdateReader updates = new PositionUpdateReader(Map.of(queue.queueId, follower))) {
            List<QueueEventEnvelope> joins = new ArrayList<>(List.of(queue.created("Stadium gate", 1000)));
            ids.forEach(id -> joins.add(queue.joined(id, Priority.NORMAL)));
            TestKafka.send(joins.toArray(QueueEventEnvelope[]::new));
            follow(updates, follower, queue, ids);
            assertThat(follower.snapshots).as("a subscriber starts from a snapshot").isGreaterThanOrEqualTo(1);

            // A call at the head is one move, however long the line.
            TestKafka.send(queue.called("e000"));
            follow(updates, follower, queue, ids.subList(1, 100));
            assertThat(follower.movesInLastDelta).isEqualTo(1);
            int deltas = follower.deltas;

            TestKafka.send(queue.left("e050"), queue.joined("late", Priority.URGENT));
            List<String> line = new ArrayList<>(ids.subList(1, 100));
            line.remove("e050");
            line.add(0, "late");
            follow(updates, follower, queue, line);
            assertThat(follower.deltas).isGreaterThan(deltas);

            // A draw of more entries than a delta lists: the line comes again whole.
            List<String> reversed = new ArrayList<>(line).reversed();
            int snapshots = follower.snapshots;
            TestKafka.send(queue.reordered(reversed, keysInOrder(reversed.size())));
            follow(updates, follower, queue, reversed);
            assertThat(follower.snapshots).isEqualTo(snapshots + 1);

            // Told an event again: this instance wrote its update already, so the subscriber sees nothing of it. (After
            // a restart, the first update of each queue is a snapshot, whatever was lost in the crash.)
            TestKafka.send(queue.withSequence(queue.lastSequence(), EntryJoined.newBuilder().setEntryId("ghost")
                    .setPriority(Priority.URGENT).setTicket(999L).setJoinedAt(Instant.now()).setOrderKey(0L).build()),
                    queue.joinedAt("last", Priority.LOW, 1_000_000L));
            List<String> withLast = new ArrayList<>(reversed);
            withLast.add("last");
            follow(updates, follower, queue, withLast);
            assertThat(follower.snapshots).isEqualTo(snapshots + 1);

            // Closing a long line: one move says every entry left.
            TestKafka.send(queue.closed(withLast.toArray(String[]::new)));
            follow(updates, follower, queue, List.of());
            assertThat(follower.movesInLastDelta).isEqualTo(1);
            assertThat(follower.waitedForSnapshot).isZero();
        }
    }

    /** Waits for the subscriber to reach the queue's last sequence; its line is then Redis' and the expected one. */
    private void follow(PositionUpdateReader updates, LineFollower follower, QueueScript queue, List<String> line) {
        assertThat(updates.pollUntil(() -> follower.sequence() == queue.lastSequence(), PATIENCE))
                .as("position updates up to sequence %d (subscriber at %d)", queue.lastSequence(), follower.sequence())
                .isTrue();
        assertThat(follower.line()).containsExactlyElementsOf(line);
        assertThat(redis.sortedSet(String.class).zrange(keys.waiting(queue.queueId), 0, -1))
                .containsExactlyElementsOf(line);
    }

    /** Keys 1..n: the i-th entry named is called i-th. */
    private static List<Long> keysInOrder(int n) {
        return java.util.stream.LongStream.rangeClosed(1, n).boxed().toList();
    }
}
