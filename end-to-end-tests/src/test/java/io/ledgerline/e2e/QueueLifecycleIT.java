package io.ledgerline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static io.ledgerline.e2e.Stack.expect;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Through the real stack: commands over REST into Kafka, events out of the log into the projection, positions back
 * over REST. Then the projection's stores are dropped and rebuilt from the log, and the command service is restarted
 * and rebuilds its queues from the log: the answers must not change.
 */
class QueueLifecycleIT {

    @RegisterExtension
    static final Stack stack = new Stack();

    private final String queue = "e2e-" + UUID.randomUUID();

    @Test
    void positions_follow_the_commands_and_survive_a_rebuild_from_the_log() throws Exception {
        expect(command("/queues", "{\"queueId\":\"" + queue + "\",\"name\":\"E2E clinic\",\"capacity\":20}"), 201);
        for (String[] join : new String[][] {
                {"ann", "NORMAL"}, {"bob", "LOW"}, {"cyd", "URGENT"}, {"dan", "NORMAL"}, {"eve", "HIGH"}, {"fay", "URGENT"}}) {
            expect(command("/queues/" + queue + "/entries", "{\"entryId\":\"" + join[0] + "\",\"priority\":\"" + join[1] + "\"}"), 201);
        }
        assertThat(expect(command("/queues/" + queue + "/call-next", ""), 200).get("entryId").asText()).isEqualTo("cyd");
        expect(stack.delete("/queues/" + queue + "/entries/dan"), 200);
        expect(command("/queues/" + queue + "/pause", "{\"reason\":\"lunch\"}"), 200);
        Http.Reply paused = command("/queues/" + queue + "/call-next", "");
        assertThat(paused.status()).isEqualTo(409);
        assertThat(paused.body().get("reason").asText()).isEqualTo("QUEUE_PAUSED");

        // fay (URGENT) > eve (HIGH) > ann (NORMAL) > bob (LOW); cyd is being served, dan left.
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("fay", 1);
        expected.put("eve", 2);
        expected.put("ann", 3);
        expected.put("bob", 4);
        awaitPositions(expected, "PAUSED", 4);
        assertThat(entry("cyd").get("status").asText()).isEqualTo("CALLED");
        assertThat(entry("dan").get("status").asText()).isEqualTo("LEFT");
        Map<String, String> before = snapshot();

        stack.restartProjection(ProjectionStores::wipe);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(snapshot()).isEqualTo(before));

        stack.restartCommands();
        long resumed = expect(command("/queues/" + queue + "/resume", ""), 200).get("sequence").asLong();
        // Read-your-writes: asked for at least the resume's sequence, the projection answers only once it has it.
        assertThat(stack.read("/queues/" + queue + "?minSequence=" + resumed).get("status").asText()).isEqualTo("OPEN");
        assertThat(expect(command("/queues/" + queue + "/call-next", ""), 200).get("entryId").asText()).isEqualTo("fay");
        expected.remove("fay");
        expected.replaceAll((id, position) -> (Integer) position - 1);
        awaitPositions(expected, "OPEN", 3);
    }

    private void awaitPositions(Map<String, Object> positions, String status, int waiting) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode q = stack.read("/queues/" + queue);
            assertThat(q.get("status").asText()).isEqualTo(status);
            assertThat(q.get("waitingCount").asInt()).isEqualTo(waiting);
            for (var expected : positions.entrySet()) {
                JsonNode entry = entry(expected.getKey());
                assertThat(entry.get("status").asText()).as(expected.getKey()).isEqualTo("WAITING");
                assertThat(entry.get("position").asInt()).as(expected.getKey()).isEqualTo(expected.getValue());
            }
        });
    }

    /** What a person or an operator can see of the queue: its summary and every entry's status and position. */
    private Map<String, String> snapshot() throws Exception {
        Map<String, String> seen = new LinkedHashMap<>();
        JsonNode q = stack.read("/queues/" + queue);
        // path() rather than get(): while rebuilding, a 404 problem body stands where the answer will be.
        seen.put("queue", q == null ? "missing" : q.path("status").asText() + "/" + q.path("waitingCount").asText());
        for (String id : List.of("ann", "bob", "cyd", "dan", "eve", "fay")) {
            JsonNode e = entry(id);
            seen.put(id, e == null ? "missing" : e.path("status").asText() + "/" + e.path("priority").asText()
                    + "/" + e.path("position").asText("-"));
        }
        return seen;
    }

    private JsonNode entry(String id) throws Exception {
        return stack.read("/queues/" + queue + "/entries/" + id);
    }

    private Http.Reply command(String path, String json) throws Exception {
        return stack.post(path, json);
    }
}
