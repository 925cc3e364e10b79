package io.ledgerline.e2e;

import static io.ledgerline.e2e.Stack.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two projection instances in one consumer group against the same Redis and PostgreSQL: they share the events
 * topic's partitions; a rebuild asked of one wipes and replays each partition's queues once, by whichever instance
 * holds it, so no queue of the other is lost; when one stops, the other takes its partitions over from their
 * committed offsets and the read models still agree with the log.
 */
class ProjectionScaleOutIT {

    @RegisterExtension
    static final Stack stack = new Stack();

    private static final int PARTITIONS = 6;
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static ServiceProcess second;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, Long> lastSequence = new HashMap<>();

    @AfterAll
    static void stopSecond() throws Exception {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void two_instances_share_the_partitions_and_a_rebuild_on_one_loses_nothing_of_the_other() throws Exception {
        second = new ServiceProcess("position-projection-service", 18092).start();
        second.awaitReady(Duration.ofSeconds(90));
        await().atMost(PATIENCE).untilAsserted(() -> {
            Set<Integer> first = assigned(18082);
            Set<Integer> other = assigned(18092);
            assertThat(other).isNotEmpty();
            assertThat(first).isNotEmpty().doesNotContainAnyElementsOf(other);
            Set<Integer> both = new HashSet<>(first);
            both.addAll(other);
            assertThat(both).hasSize(PARTITIONS);
        });

        // A queue on every partition, so each instance applies some of them.
        List<String> queues = queuesOnEveryPartition();
        for (String queue : queues) {
            remember(queue, expect(stack.post("/queues", "{\"queueId\":\"" + queue + "\",\"name\":\"" + queue
                    + "\",\"capacity\":100}"), 201));
            for (int i = 0; i < 5; i++) {
                remember(queue, expect(stack.post("/queues/" + queue + "/entries", "{\"entryId\":\"p" + i + "\"}"),
                        201));
            }
            remember(queue, expect(stack.post("/queues/" + queue + "/call-next", ""), 200));
        }
        awaitEveryQueue(queues, 4, 18082, 18092);

        JsonNode rebuilt = expect(Http.as("Bearer " + Http.adminToken(), "POST",
                "http://127.0.0.1:18092/admin/rebuild", ""), 202);
        assertThat(rebuilt.get("state").asText()).isEqualTo("REPLAYING");
        assertThat(rebuilt.get("partitions").size()).isBetween(1, PARTITIONS - 1);
        awaitEveryQueue(queues, 4, 18082, 18092);
        awaitVerify(queues);

        // The second stops: the first takes its partitions over where they were committed, without a rebuild.
        second.close();
        second = null;
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(assigned(18082)).hasSize(PARTITIONS));
        for (String queue : queues) {
            remember(queue, expect(stack.post("/queues/" + queue + "/entries", "{\"entryId\":\"after\"}"), 201));
        }
        awaitEveryQueue(queues, 5, 18082);
        awaitVerify(queues);
    }

    /** Queue ids of this run, at least one per partition (Kafka's default partitioner, as the command service's). */
    private List<String> queuesOnEveryPartition() {
        Map<Integer, String> byPartition = new HashMap<>();
        for (int i = 0; byPartition.size() < PARTITIONS; i++) {
            String queue = "e2e-scale-" + run + "-" + i;
            byPartition.putIfAbsent(Utils.toPositive(Utils.murmur2(queue.getBytes(StandardCharsets.UTF_8)))
                    % PARTITIONS, queue);
        }
        return new ArrayList<>(byPartition.values());
    }

    private static Set<Integer> assigned(int port) throws Exception {
        JsonNode partitions = expect(Http.as("Bearer " + Http.adminToken(), "GET",
                "http://127.0.0.1:" + port + "/admin/partitions", null), 200);
        Set<Integer> numbers = new HashSet<>();
        partitions.get("assigned").forEach(p -> numbers.add(p.asInt()));
        return numbers;
    }

    /** Every queue, read from each instance, has its last sequence applied and {@code waiting} entries waiting. */
    private void awaitEveryQueue(List<String> queues, int waiting, int... ports) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (int port : ports) {
                for (String queue : queues) {
                    JsonNode read = Http.as("Bearer " + Http.adminToken(), "GET",
                            "http://127.0.0.1:" + port + "/queues/" + queue, null).body();
                    assertThat(read).as("%s from %d", queue, port).isNotNull();
                    assertThat(read.path("lastSequence").asLong()).as("%s from %d", queue, port)
                            .isEqualTo(lastSequence.get(queue));
                    assertThat(read.path("waitingCount").asInt()).as("%s from %d", queue, port).isEqualTo(waiting);
                }
            }
        });
    }

    private void awaitVerify(List<String> queues) throws Exception {
        List<String> args = new ArrayList<>(List.of("verify"));
        queues.forEach(q -> args.addAll(List.of("--queue", q)));
        OpsTool.Run last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            last = OpsTool.run(args.toArray(String[]::new));
            if (last.exit() == 0) {
                return;
            }
            Thread.sleep(1000);
        }
        assertThat(last.exit()).as(last.out()).isZero();
    }

    private void remember(String queue, JsonNode reply) {
        if (reply != null && reply.has("sequence")) {
            lastSequence.merge(queue, reply.get("sequence").asLong(), Math::max);
        }
    }
}
