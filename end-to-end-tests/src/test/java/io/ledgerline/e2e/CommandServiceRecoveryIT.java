package io.ledgerline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the packaged command service, twice: once with its local state kept, once with it deleted. Each time
 * the restarted instance must answer retries with their first outcomes (accepted or refused), decide from the state
 * it restored from checkpoints (written every 5 events here, in parts of 3 entries) and the events after them, and
 * go on numbering events without a gap.
 */
class CommandServiceRecoveryIT {

    private static final Duration READY = Duration.ofSeconds(90);
    private static final Map<String, String> SMALL_CHECKPOINTS = Map.of(
            "LEDGERLINE_COMMAND_CHECKPOINT_EVERY_EVENTS", "5",
            "LEDGERLINE_COMMAND_SNAPSHOT_PART_ENTRIES", "3");

    private final String queue = "e2e-recovery-" + UUID.randomUUID();
    private final String small = queue + "-small";
    private ServiceProcess commands;

    @AfterEach
    void stop() throws Exception {
        if (commands != null) {
            commands.close();
        }
    }

    @Test
    void after_kill_9_retries_get_their_first_outcomes_and_the_queues_carry_on_where_they_were() throws Exception {
        commands = start();
        expect(post("/queues", "{\"queueId\":\"" + queue + "\",\"name\":\"Recovery\",\"capacity\":50}", "create-" + queue), 201);
        String[][] joins = {{"ann", "LOW"}, {"bob", "NORMAL"}, {"cyd", "HIGH"}, {"dan", "LOW"}, {"eve", "URGENT"},
                {"fay", "NORMAL"}, {"gus", "HIGH"}, {"hal", "LOW"}, {"ivy", "URGENT"}, {"jon", "NORMAL"}};
        long sequence = 1;
        for (String[] join : joins) {
            JsonNode joined = expect(post("/queues/" + queue + "/entries",
                    "{\"entryId\":\"" + join[0] + "\",\"priority\":\"" + join[1] + "\"}", "join-" + queue + join[0]), 201);
            assertThat(joined.get("sequence").asLong()).isEqualTo(++sequence);
        }
        expect(post("/queues", "{\"queueId\":\"" + small + "\",\"name\":\"Small\",\"capacity\":1}", "create-" + small), 201);
        expect(post("/queues/" + small + "/entries", "{\"entryId\":\"x\"}", "x-" + small), 201);
        assertThat(post("/queues/" + small + "/entries", "{\"entryId\":\"y\"}", "y-" + small).status()).isEqualTo(409);
        assertThat(callNext()).isEqualTo("eve");
        sequence++;

        commands.kill();
        commands = start();

        Http.Reply retried = post("/queues/" + queue + "/entries", "{\"entryId\":\"cyd\",\"priority\":\"HIGH\"}",
                "join-" + queue + "cyd");
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.body().get("sequence").asLong()).isEqualTo(4);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        expect(Http.delete(commands.baseUrl() + "/queues/" + small + "/entries/x"), 200);
        Http.Reply refusedAgain = post("/queues/" + small + "/entries", "{\"entryId\":\"y\"}", "y-" + small);
        assertThat(refusedAgain.status()).as("a refusal is remembered across a crash").isEqualTo(409);
        assertThat(refusedAgain.body().get("reason").asText()).isEqualTo("QUEUE_FULL");
        assertThat(callNext()).isEqualTo("ivy");
        sequence++;

        commands.kill();
        deleteLocalState();
        commands = start();

        Http.Reply fromTheLog = post("/queues/" + queue + "/entries", "{\"entryId\":\"fay\",\"priority\":\"NORMAL\"}",
                "join-" + queue + "fay");
        assertThat(fromTheLog.body().get("sequence").asLong()).as("the window is rebuilt from the results topic")
                .isEqualTo(7);
        assertThat(callNext()).isEqualTo("cyd");
        sequence++;
        JsonNode next = expect(post("/queues/" + queue + "/entries", "{\"entryId\":\"kim\"}", "join-" + queue + "kim"), 201);
        assertThat(next.get("sequence").asLong()).as("no gap, no reuse").isEqualTo(sequence + 1);
    }

    private ServiceProcess start() throws Exception {
        ServiceProcess process = new ServiceProcess("queue-command-service", 18083, SMALL_CHECKPOINTS).start();
        process.awaitReady(READY);
        return process;
    }

    private String callNext() throws Exception {
        return expect(post("/queues/" + queue + "/call-next", "", "call-" + UUID.randomUUID()), 200)
                .get("entryId").asText();
    }

    private Http.Reply post(String path, String json, String key) throws Exception {
        return Http.post(commands.baseUrl() + path, json, key);
    }

    /** The idempotency store of the test instance (state dir relative to the working directory of this module). */
    private static void deleteLocalState() throws Exception {
        Path state = ServiceProcess.root().resolve("end-to-end-tests/target/ledgerline-state");
        if (Files.exists(state)) {
            try (Stream<Path> files = Files.walk(state)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static JsonNode expect(Http.Reply reply, int status) {
        assertThat(reply.status()).as("HTTP status, body %s", reply.body()).isEqualTo(status);
        return reply.body();
    }
}
