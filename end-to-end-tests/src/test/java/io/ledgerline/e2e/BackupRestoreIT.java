package io.ledgerline.e2e;

import static io.ledgerline.e2e.Stack.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code ops backup} of the test stack's log, {@code ops restore} of it into fresh topics (another prefix, as a new
 * stack would have), and a projection of its own built from the restored events: {@code ops verify} against the
 * restored log passes, and a queue replays to the same line from either log.
 */
class BackupRestoreIT {

    @RegisterExtension
    static final Stack stack = new Stack();

    /** The fresh stack's names: topics, consumer group, PostgreSQL schema and Redis keys of its own. */
    private static final String PREFIX = "restore-it.";
    private static final String PG_SCHEMA = "restore_it_projection";
    private static final String REDIS_PREFIX = "restore-it:";

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private ServiceProcess restoredProjection;

    @BeforeEach
    @AfterEach
    void dropTheFreshStack() throws Exception {
        if (restoredProjection != null) {
            restoredProjection.close();
            restoredProjection = null;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")))) {
            Set<String> ours = admin.listTopics().names().get().stream().filter(t -> t.startsWith(PREFIX))
                    .collect(Collectors.toSet());
            admin.deleteTopics(ours).all().get();
        }
        ProjectionStores.dropCopy(PG_SCHEMA, REDIS_PREFIX);
    }

    @Test
    void a_restored_log_rebuilds_read_models_that_verify_and_replays_the_same_past() throws Exception {
        List<String> queues = List.of("e2e-backup-a-" + run, "e2e-backup-b-" + run);
        for (String queue : queues) {
            expect(stack.post("/queues", "{\"queueId\":\"" + queue + "\",\"name\":\"" + queue + "\",\"capacity\":50}"),
                    201);
            for (int i = 0; i < 6; i++) {
                expect(stack.post("/queues/" + queue + "/entries", "{\"entryId\":\"p" + i + "\",\"priority\":\""
                        + (i % 3 == 0 ? "HIGH" : "NORMAL") + "\"}"), 201);
            }
            expect(stack.post("/queues/" + queue + "/call-next", ""), 200);
        }
        Path backup = Files.createTempDirectory("ledgerline-backup-").resolve("copy");

        OpsTool.Run backedUp = OpsTool.run("backup", "--to", backup.toString());
        assertThat(backedUp.exit()).as(backedUp.out()).isZero();
        assertThat(backedUp.out()).contains("backed up").contains("schemas to");
        assertThat(backup.resolve("manifest.json")).isRegularFile();

        OpsTool.Run restored = OpsTool.run("restore", "--from", backup.toString(), "--topic-prefix", PREFIX);
        assertThat(restored.exit()).as(restored.out()).isZero();
        assertThat(restored.out()).contains("created " + PREFIX + "ledgerline.queue-events.v1");
        OpsTool.Run again = OpsTool.run("restore", "--from", backup.toString(), "--topic-prefix", PREFIX);
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.out()).contains("is not empty");

        for (String queue : queues) {
            String[] replay = {"replay", "--queue", queue, "--limit", "100"};
            assertThat(lines(OpsTool.run(withPrefix(replay, PREFIX)).out()))
                    .isEqualTo(lines(OpsTool.run(replay).out()));
        }

        restoredProjection = new ServiceProcess("position-projection-service", 18093, Map.of(
                "MP_MESSAGING_INCOMING_QUEUE_EVENTS_TOPIC", PREFIX + "ledgerline.queue-events.v1",
                "MP_MESSAGING_INCOMING_QUEUE_EVENTS_GROUP_ID", "restore-it-" + run,
                "MP_MESSAGING_OUTGOING_DEAD_LETTER_TOPIC", PREFIX + "ledgerline.dead-letter.v1",
                "LEDGERLINE_PROJECTION_PG_SCHEMA", PG_SCHEMA,
                "LEDGERLINE_PROJECTION_REDIS_KEY_PREFIX", REDIS_PREFIX)).start();
        restoredProjection.awaitReady(Duration.ofSeconds(90));
        OpsTool.Run verified = null;
        for (int attempt = 0; attempt < 60; attempt++) {
            verified = OpsTool.run("verify", "--topic-prefix", PREFIX, "--projection-url",
                    "http://127.0.0.1:18093", "--queue", queues.get(0), "--queue", queues.get(1));
            if (verified.exit() == 0) {
                break;
            }
            Thread.sleep(2000);
        }
        assertThat(verified.exit()).as(verified.out()).isZero();
        assertThat(verified.out()).contains("2 queues verified: the read models agree with the log");
    }

    private static String[] withPrefix(String[] args, String prefix) {
        String[] with = java.util.Arrays.copyOf(args, args.length + 2);
        with[args.length] = "--topic-prefix";
        with[args.length + 1] = prefix;
        return with;
    }

    /** The replay's places (rank, number, entry, priority), without its timing line. */
    private static List<String> lines(String out) {
        return out.lines().filter(line -> line.matches("^\\s+\\d+\\s+.*")).toList();
    }
}
