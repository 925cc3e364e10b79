package io.ledgerline.e2e;

import static io.ledgerline.e2e.Stack.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operations tool against the real stack: a mixed workload on three queues, then {@code ops verify} passes;
 * one entry misplaced in the projection's Redis makes it fail and name that queue alone; {@code ops rebuild}
 * restores it; {@code ops replay --at-time} and {@code GET /queues/{id}/at} reproduce a line recorded earlier.
 */
class OperationsToolIT {

    @RegisterExtension
    static final Stack stack = new Stack();

    private static final Pattern PLACE = Pattern.compile("^\\s+(\\d+)\\s+\\S+\\s+(\\S+)\\s+(URGENT|HIGH|NORMAL|LOW)",
            Pattern.MULTILINE);
    private static final String[] PRIORITIES = {"URGENT", "HIGH", "NORMAL", "NORMAL", "LOW"};

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String clinic = "e2e-ops-clinic-" + run;
    private final String desk = "e2e-ops-desk-" + run;
    private final String lab = "e2e-ops-lab-" + run;
    private final Random random = new Random(11);
    /** Each queue's sequence after the last command accepted, for reads that must see it. */
    private final Map<String, Long> lastSequence = new HashMap<>();

    @Test
    void verify_catches_a_damaged_read_model_rebuild_restores_it_and_replay_shows_the_past() throws Exception {
        for (String queue : List.of(clinic, desk, lab)) {
            Http.Reply created = stack.post("/queues", "{\"queueId\":\"" + queue + "\",\"name\":\"" + queue
                    + "\",\"capacity\":500}");
            expect(created, 201);
            remember(queue, created);
        }
        workload(90);
        List<String> recorded = waitingLine(clinic);
        assertThat(recorded).hasSizeGreaterThan(8);
        Instant then = Instant.now();
        Thread.sleep(20); // the next event's time is after `then`, even on a coarse clock
        workload(60);

        OpsTool.Run verified = awaitVerify(0);
        assertThat(verified.out()).contains("3 queues verified: the read models agree with the log");

        OpsTool.Run replayed = OpsTool.run("replay", "--queue", clinic, "--at-time", then.toString(), "--limit",
                "500");
        assertThat(replayed.exit()).isZero();
        assertThat(placesIn(replayed.out())).isEqualTo(recorded);
        JsonNode past = stack.read("/queues/" + clinic + "/at?time=" + then + "&limit=500");
        List<String> overRest = new ArrayList<>();
        past.get("line").forEach(place -> overRest.add(place.get("entryId").asText()));
        assertThat(overRest).isEqualTo(recorded);
        assertThat(past.get("waiting").asInt()).isEqualTo(recorded.size());

        String head = waitingLine(desk).get(0);
        ProjectionStores.misplace(desk, head);
        OpsTool.Run damaged = verify();
        assertThat(damaged.exit()).isEqualTo(1);
        assertThat(damaged.out()).contains("DIFFERS  queue " + desk).doesNotContain("DIFFERS  queue " + clinic)
                .doesNotContain("DIFFERS  queue " + lab).contains("place 1: log says " + head);

        OpsTool.Run rebuilt = OpsTool.run("rebuild", "--projection", "positions", "--timeout", "PT3M");
        assertThat(rebuilt.exit()).as(rebuilt.out()).isZero();
        assertThat(rebuilt.out()).contains("rebuilt:");
        awaitVerify(0);
        assertThat(waitingLine(desk).get(0)).isEqualTo(head);

        OpsTool.Run export = OpsTool.run("export", "--queue", clinic, "--format", "csv");
        assertThat(export.exit()).isZero();
        assertThat(export.out()).contains("sequence,occurred_at,event,entry_id,status,rank,priority,actor")
                .contains(",EntryJoined,").contains(",EntryCalled,");
    }

    /** Joins with mixed priorities, calls, completions, leaves, priority changes and a pause, over the queues. */
    private void workload(int commands) throws Exception {
        List<String> queues = List.of(clinic, desk, lab);
        for (int i = 0; i < commands; i++) {
            String queue = queues.get(i % 3);
            int pick = random.nextInt(10);
            Http.Reply reply;
            if (pick < 7) {
                reply = stack.post("/queues/" + queue + "/entries", "{\"entryId\":\"p" + run + "-" + i
                        + "\",\"priority\":\"" + PRIORITIES[random.nextInt(PRIORITIES.length)] + "\"}");
            } else if (pick == 7) {
                reply = stack.post("/queues/" + queue + "/call-next", "");
                if (reply.status() == 200 && random.nextBoolean()) {
                    remember(queue, reply);
                    reply = stack.post("/queues/" + queue + "/entries/" + reply.body().get("entryId").asText()
                            + "/complete", "");
                }
            } else if (pick == 8) {
                List<String> line = waitingLine(queue);
                reply = line.isEmpty() ? null : stack.delete("/queues/" + queue + "/entries/"
                        + line.get(random.nextInt(line.size())));
            } else {
                List<String> line = waitingLine(queue);
                reply = line.isEmpty() ? null : stack.put("/queues/" + queue + "/entries/"
                        + line.get(line.size() - 1) + "/priority", "{\"priority\":\"URGENT\",\"justification\":\"frail\"}");
            }
            remember(queue, reply);
        }
        remember(lab, stack.post("/queues/" + lab + "/pause", "{\"reason\":\"calibration\"}"));
    }

    private void remember(String queue, Http.Reply reply) {
        if (reply != null && reply.status() / 100 == 2 && reply.body() != null && reply.body().has("sequence")) {
            lastSequence.merge(queue, reply.body().get("sequence").asLong(), Math::max);
        }
    }

    /** The queue's waiting line as the projection shows it now, after everything said so far. */
    private List<String> waitingLine(String queue) throws Exception {
        JsonNode page = expect(stack.readAs("Bearer " + Http.adminToken(), "/queues/" + queue
                + "/entries?limit=500&minSequence=" + lastSequence.getOrDefault(queue, 0L)), 200);
        List<String> ids = new ArrayList<>();
        page.forEach(e -> ids.add(e.get("entryId").asText()));
        return ids;
    }

    private OpsTool.Run verify() throws Exception {
        return OpsTool.run("verify", "--queue", clinic, "--queue", desk, "--queue", lab);
    }

    /** Verifies until the exit status is the one expected, for the projection still applying the last events. */
    private OpsTool.Run awaitVerify(int exit) throws Exception {
        OpsTool.Run last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            last = verify();
            if (last.exit() == exit) {
                return last;
            }
            Thread.sleep(1000);
        }
        assertThat(last.exit()).as(last.out()).isEqualTo(exit);
        return last;
    }

    private static List<String> placesIn(String out) {
        List<String> ids = new ArrayList<>();
        Matcher place = PLACE.matcher(out);
        while (place.find()) {
            ids.add(place.group(2));
        }
        return ids;
    }
}
