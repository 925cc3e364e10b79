package io.ledgerline.projection.it;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.ledgerline.projection.ProjectionConfig;
import io.ledgerline.projection.model.EntryStatus;
import io.ledgerline.projection.store.RedisKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.sortedset.ScoredValue;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import ledgerline.queue.v1.Priority;
import ledgerline.queue.v1.QueueClosed;
import ledgerline.queue.v1.QueueEventEnvelope;

/**
 * Thousands of events of several queues, interleaved and written in one producer transaction, so the projection
 * polls them in full batches where one entry's joined, called and completed (or called, reprioritised, requeued)
 * sit together, as do a scheduled entry's release, call, failure and release again, and a closing with the opening
 * after it. PostgreSQL rows, history and Redis lines must equal what applying the events one by one gives, computed
 * independently by {@link SimulatedQueue}. A line of 2,500 is closed out in chunks of a thousand.
 */
@QuarkusTest
@TestProfile(BatchEventsTopicProfile.class)
class BatchApplyIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Duration QUERY = Duration.ofSeconds(10);

    @Inject
    Pool pool;

    @Inject
    RedisDataSource redis;

    @Inject
    RedisKeys keys;

    @Inject
    ProjectionConfig config;

    @Test
    void batchesGiveWhatApplyingTheEventsOneByOneGives() {
        long seed = System.nanoTime();
        System.out.println("BatchApplyIT seed " + seed);
        Random random = new Random(seed);
        List<SimulatedQueue> queues = new ArrayList<>();
        List<List<QueueEventEnvelope>> streams = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            SimulatedQueue queue = new SimulatedQueue(random);
            queue.play(600);
            queues.add(queue);
            streams.add(queue.events());
        }
        List<QueueEventEnvelope> first = interleaved(streams, random);
        // The run tries what it claims to: entries held for services elsewhere, and back, among the events.
        assertThat(first).extracting(e -> e.getPayload().getClass().getSimpleName())
                .contains("EntryHeldForServiceElsewhere", "EntryBackFromServiceElsewhere");
        long sent = System.nanoTime();
        TestKafka.sendInOneTransaction(first);
        awaitApplied(queues);
        System.out.printf("BatchApplyIT: %d events applied within %d ms of the commit%n", first.size(),
                (System.nanoTime() - sent) / 1_000_000);
        queues.forEach(this::assertReadModel);

        // Redeliveries followed by new events of the same queues, in the same batches: repeats skipped, rest applied.
        streams.clear();
        for (SimulatedQueue queue : queues) {
            List<QueueEventEnvelope> all = queue.events();
            List<QueueEventEnvelope> stream = new ArrayList<>(all.subList(all.size() - 40, all.size()));
            stream.addAll(queue.play(150));
            streams.add(stream);
        }
        TestKafka.sendInOneTransaction(interleaved(streams, random));
        awaitApplied(queues);
        queues.forEach(this::assertReadModel);
        assertThat(when().get("/q/metrics").asString())
                .contains("ledgerline_projection_events_skipped_total{type=\"EntryJoined\"");
    }

    @Test
    void closingALongLineClosesOutEveryWaitingEntryInChunksOfAThousand() {
        long seed = System.nanoTime();
        System.out.println("BatchApplyIT long line seed " + seed);
        SimulatedQueue queue = new SimulatedQueue(new Random(seed));
        // 2,503 entries, 250 of them held, 3 called: 2,500 waiting when it closes.
        queue.fill(2_503, 3);
        queue.schedule();
        List<QueueEventEnvelope> closing = queue.close(true);
        assertThat(closing).extracting(e -> e.getPayload().getClass().getSimpleName())
                .containsExactly("QueueClosed", "EntriesClosedOut", "EntriesClosedOut");
        assertThat(((QueueClosed) closing.getFirst().getPayload()).getClosedOutCount()).isEqualTo(2_500);
        TestKafka.sendInOneTransaction(queue.events());
        awaitApplied(List.of(queue));

        assertReadModel(queue);
        assertThat(queue.entries().values()).filteredOn(e -> e.status() == EntryStatus.CLOSED_OUT).hasSize(2_500);
        assertThat(queue.entries().values()).filteredOn(e -> e.status() == EntryStatus.CALLED).hasSize(3);
        when().get("/queues/{q}", queue.queueId).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("waitingCount", equalTo(0))
                .body("closesAt", nullValue()).body("opensAt", notNullValue());

        // Opened as planned: closed-out ids joining again and new entries line up from the first place.
        List<QueueEventEnvelope> reopened = new ArrayList<>(queue.open(true));
        reopened.addAll(queue.play(100));
        reopened.addAll(queue.fill(20, 0));
        TestKafka.sendInOneTransaction(reopened);
        awaitApplied(List.of(queue));

        assertReadModel(queue);
        String first = queue.waiting().getFirst().entryId();
        when().get("/queues/{q}/entries/{e}", queue.queueId, first).then().body("position", equalTo(1));
    }

    /** The streams merged in a random order that keeps each stream's own order, as partitions deliver them. */
    private static List<QueueEventEnvelope> interleaved(List<List<QueueEventEnvelope>> streams, Random random) {
        List<QueueEventEnvelope> merged = new ArrayList<>();
        int[] next = new int[streams.size()];
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < streams.size(); i++) {
            open.add(i);
        }
        while (!open.isEmpty()) {
            int pick = random.nextInt(open.size());
            int stream = open.get(pick);
            merged.add(streams.get(stream).get(next[stream]++));
            if (next[stream] == streams.get(stream).size()) {
                open.remove(pick);
            }
        }
        return merged;
    }

    private void awaitApplied(List<SimulatedQueue> queues) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (SimulatedQueue queue : queues) {
                assertThat(redis.value(String.class).get(keys.lastSequence(queue.queueId)))
                        .isEqualTo(Long.toString(queue.lastSequence()));
            }
        });
    }

    private void assertReadModel(SimulatedQueue queue) {
        String s = config.pgSchema();
        Row row = rows("SELECT name, capacity, status, last_sequence, updated_at, opens_at, closes_at FROM " + s
                + ".queues WHERE queue_id = $1", queue.queueId).iterator().next();
        assertThat(Arrays.asList(row.getString("name"), row.getInteger("capacity"), row.getString("status"),
                row.getLong("last_sequence"), instant(row.getOffsetDateTime("updated_at")),
                instant(row.getOffsetDateTime("opens_at")), instant(row.getOffsetDateTime("closes_at"))))
                .isEqualTo(Arrays.asList(queue.name(), queue.capacity(), queue.status(), queue.lastSequence(),
                        queue.lastOccurredAt(), queue.opensAt(), queue.closesAt()));

        Map<String, SimulatedQueue.Entry> entries = new HashMap<>();
        for (Row e : rows("SELECT entry_id, priority, ticket, status, entry_number, joined_at, called_at, counter,"
                + " finished_at, held_until, attempts, updated_sequence, served_elsewhere FROM " + s
                + ".entries WHERE queue_id = $1",
                queue.queueId)) {
            entries.put(e.getString("entry_id"), new SimulatedQueue.Entry(e.getString("entry_id"),
                    Priority.valueOf(e.getString("priority")), e.getLong("ticket"),
                    EntryStatus.valueOf(e.getString("status")), e.getString("entry_number"),
                    instant(e.getOffsetDateTime("joined_at")), instant(e.getOffsetDateTime("called_at")),
                    e.getString("counter"), instant(e.getOffsetDateTime("finished_at")),
                    instant(e.getOffsetDateTime("held_until")), e.getInteger("attempts"),
                    e.getLong("updated_sequence"), List.of(e.getArrayOfStrings("served_elsewhere"))));
        }
        assertThat(entries).isEqualTo(queue.entries());

        List<SimulatedQueue.History> history = new ArrayList<>();
        for (Row h : rows("SELECT entry_id, sequence, event_type, status, priority, occurred_at FROM " + s
                + ".entry_history WHERE queue_id = $1 ORDER BY sequence, id", queue.queueId)) {
            history.add(new SimulatedQueue.History(h.getString("entry_id"), h.getLong("sequence"),
                    h.getString("event_type"), EntryStatus.valueOf(h.getString("status")),
                    Priority.valueOf(h.getString("priority")), instant(h.getOffsetDateTime("occurred_at"))));
        }
        assertThat(history).isEqualTo(queue.history());

        Map<String, Long> line = new LinkedHashMap<>();
        for (ScoredValue<String> waiting : redis.sortedSet(String.class)
                .zrangeWithScores(keys.waiting(queue.queueId), 0, -1)) {
            line.put(waiting.value(), (long) waiting.score());
        }
        Map<String, Long> expectedLine = new LinkedHashMap<>();
        queue.waiting().forEach(e -> expectedLine.put(e.entryId(), queue.orderKey(e.entryId())));
        assertThat(line).containsExactlyEntriesOf(expectedLine);
        assertThat(KeptKeys.of(redis, keys, queue.queueId)).isEqualTo(queue.activeScores());
        assertThat(redis.hash(String.class).hgetall(keys.servedElsewhere(queue.queueId)))
                .isEqualTo(queue.heldElsewhere());

        // And as the API answers it.
        when().get("/queues/{q}", queue.queueId).then().statusCode(200)
                .body("waitingCount", equalTo(expectedLine.size()))
                .body("lastSequence", equalTo((int) queue.lastSequence()));
        List<String> served = given().queryParam("limit", 500).when().get("/queues/{q}/entries", queue.queueId)
                .then().statusCode(200).extract().jsonPath().getList("entryId", String.class);
        assertThat(served).containsExactlyElementsOf(expectedLine.keySet().stream().limit(500).toList());
    }

    private RowSet<Row> rows(String sql, String queueId) {
        return pool.preparedQuery(sql).execute(Tuple.of(queueId)).await().atMost(QUERY);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
