package io.ledgerline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static io.ledgerline.e2e.Stack.expect;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The queue in time through the real stack, seen the way people see it (the position projection): nothing here sends
 * the commands that time calls for; the command service's timers do, and the projection follows the log.
 */
class QueueInTimeIT {

    private static final Duration SOON = Duration.ofSeconds(20);

    @RegisterExtension
    static final Stack stack = new Stack();

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void a_campaign_retries_a_failed_call_after_its_delay_and_calls_a_scheduled_lead_only_at_its_time() throws Exception {
        String q = "e2e-campaign-" + run;
        expect(post("/queues", "{\"queueId\":\"" + q + "\",\"name\":\"Leads\",\"capacity\":50,\"settings\":{"
                + "\"tags\":[\"campaign\"],\"ticketPrefix\":\"L\",\"retry\":{\"delays\":[\"PT2S\"],\"maxRetries\":1},"
                + "\"calendar\":{\"zone\":\"Europe/Paris\",\"hours\":" + everyDay() + "}}}"), 201);
        Instant later = Instant.now().plusSeconds(4);
        expect(post("/queues/" + q + "/entries", "{\"entryId\":\"ann\"}"), 201);
        expect(post("/queues/" + q + "/entries", "{\"entryId\":\"bob\",\"scheduledAt\":\"" + later + "\"}"), 201);
        awaitEntry(q, "bob", "HELD");

        JsonNode called = expect(post("/queues/" + q + "/call-next", "{\"counter\":\"line 3\"}"), 200);
        assertThat(called.get("entryNumber").asText()).isEqualTo("L-001");
        expect(post("/queues/" + q + "/entries/ann/fail", "{\"reason\":\"no answer\"}"), 200);
        awaitEntry(q, "ann", "HELD");
        assertThat(post("/queues/" + q + "/call-next", "").status()).isEqualTo(409); // ann held, bob not yet due

        JsonNode ann = awaitEntry(q, "ann", "WAITING"); // released by the timer two seconds after the failure
        assertThat(ann.get("position").asInt()).isEqualTo(1);
        assertThat(ann.get("entryNumber").asText()).isEqualTo("L-001");
        expect(post("/queues/" + q + "/call-next", ""), 200);
        expect(post("/queues/" + q + "/entries/ann/fail", "{\"reason\":\"no answer again\"}"), 200);
        awaitEntry(q, "ann", "FAILED");

        JsonNode bob = awaitEntry(q, "bob", "WAITING");
        assertThat(Instant.now()).isAfterOrEqualTo(later.truncatedTo(ChronoUnit.MILLIS));
        assertThat(bob.get("position").asInt()).isEqualTo(1);
        assertThat(expect(post("/queues/" + q + "/call-next", ""), 200).get("entryId").asText()).isEqualTo("bob");
    }

    @Test
    void a_queue_sleeps_three_seconds_and_a_show_opens_and_closes_on_its_schedule_closing_out_who_waits()
            throws Exception {
        String q = "e2e-show-" + run;
        expect(post("/queues", "{\"queueId\":\"" + q + "\",\"name\":\"Show\",\"capacity\":50}"), 201);
        expect(post("/queues/" + q + "/entries", "{\"entryId\":\"ann\"}"), 201);
        expect(post("/queues/" + q + "/sleep", "{\"until\":\"" + Instant.now().plusSeconds(3) + "\"}"), 200);
        awaitQueue(q, "SLEEPING");
        awaitQueue(q, "OPEN"); // woken by the timer

        expect(post("/queues/" + q + "/pause", "{\"reason\":\"doors open soon\"}"), 200);
        for (String fan : new String[] {"bob", "cyd", "dan"}) {
            expect(post("/queues/" + q + "/entries", "{\"entryId\":\"" + fan + "\"}"), 201);
        }
        Instant opens = Instant.now().plusSeconds(2);
        Instant closes = opens.plusSeconds(3);
        expect(stack.put("/queues/" + q + "/schedule",
                "{\"opensAt\":\"" + opens + "\",\"closesAt\":\"" + closes + "\"}"), 200);
        awaitQueue(q, "OPEN");
        assertThat(expect(post("/queues/" + q + "/call-next", ""), 200).get("entryId").asText()).isEqualTo("ann");

        JsonNode closed = awaitQueue(q, "CLOSED");
        assertThat(closed.get("waitingCount").asInt()).isZero();
        for (String fan : new String[] {"bob", "cyd", "dan"}) {
            assertThat(entry(q, fan).get("status").asText()).as(fan).isEqualTo("CLOSED_OUT");
        }
        assertThat(entry(q, "ann").get("status").asText()).isEqualTo("CALLED");
    }

    @Test
    void a_batch_joins_whole_and_a_full_queue_sends_the_next_join_on_to_its_overflow_queue() throws Exception {
        String q = "e2e-desk-" + run;
        String annex = "e2e-annex-" + run;
        expect(post("/queues", "{\"queueId\":\"" + annex + "\",\"name\":\"Annex\",\"capacity\":5,"
                + "\"settings\":{\"ticketPrefix\":\"B\"}}"), 201);
        expect(post("/queues", "{\"queueId\":\"" + q + "\",\"name\":\"Desk\",\"capacity\":2,"
                + "\"settings\":{\"ticketPrefix\":\"A\",\"overflowTo\":\"" + annex + "\"}}"), 201);
        assertThat(post("/queues/" + q + "/entries/batch",
                "{\"entries\":[{\"entryId\":\"x\"},{\"entryId\":\"y\"},{\"entryId\":\"z\"}]}").status())
                .as("a batch past the capacity overflows entry by entry").isEqualTo(201);
        JsonNode y = awaitEntry(q, "y", "WAITING");
        assertThat(y.get("position").asInt()).isEqualTo(2);
        assertThat(y.get("entryNumber").asText()).isEqualTo("A-002");
        assertThat(awaitEntry(annex, "z", "WAITING").get("entryNumber").asText()).isEqualTo("B-001");

        JsonNode redirected = expect(post("/queues/" + q + "/entries", "{\"entryId\":\"w\",\"priority\":\"HIGH\"}"), 201);
        assertThat(redirected.get("queueId").asText()).isEqualTo(annex);
        assertThat(redirected.get("redirectedFrom").asText()).isEqualTo(q);
        assertThat(awaitEntry(annex, "w", "WAITING").get("position").asInt()).isEqualTo(1); // HIGH before z
    }

    @Test
    void an_emergency_stop_by_tag_stops_every_critical_queue_and_no_other() throws Exception {
        String tag = "crit-" + run;
        for (String name : new String[] {"a", "b", "c"}) {
            String tags = name.equals("c") ? "[\"other\"]" : "[\"" + tag + "\",\"travel\"]";
            expect(post("/queues", "{\"queueId\":\"e2e-ops-" + name + "-" + run + "\",\"name\":\"Ops " + name
                    + "\",\"capacity\":5,\"settings\":{\"tags\":" + tags + "}}"), 201);
        }
        JsonNode stop = expect(post("/queues/emergency-stop", "{\"tags\":[\"" + tag + "\"],\"reason\":\"drill\"}"), 200);
        assertThat(stop.get("stopped")).hasSize(2);
        awaitQueue("e2e-ops-a-" + run, "EMERGENCY_STOPPED");
        awaitQueue("e2e-ops-b-" + run, "EMERGENCY_STOPPED");
        assertThat(stack.read("/queues/e2e-ops-c-" + run).get("status").asText())
                .isEqualTo("OPEN");

        JsonNode resume = expect(post("/queues/resume", "{\"tags\":[\"" + tag + "\"]}"), 200);
        assertThat(resume.get("resumed")).hasSize(2);
        awaitQueue("e2e-ops-a-" + run, "OPEN");
    }

    private static String everyDay() {
        StringBuilder hours = new StringBuilder("{");
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            hours.append(hours.length() > 1 ? "," : "").append('"').append(day).append("\":[\"00:00-24:00\"]");
        }
        return hours.append('}').toString();
    }

    private JsonNode awaitEntry(String q, String entryId, String status) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(SOON).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            seen[0] = entry(q, entryId);
            assertThat(seen[0]).as("%s in %s", entryId, q).isNotNull();
            assertThat(seen[0].path("status").asText()).as("%s: %s", entryId, seen[0]).isEqualTo(status);
        });
        return seen[0];
    }

    private JsonNode awaitQueue(String q, String status) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(SOON).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            seen[0] = stack.read("/queues/" + q);
            assertThat(seen[0]).as(q).isNotNull();
            assertThat(seen[0].path("status").asText()).as("%s: %s", q, seen[0]).isEqualTo(status);
        });
        return seen[0];
    }

    private JsonNode entry(String q, String entryId) throws Exception {
        return stack.read("/queues/" + q + "/entries/" + entryId);
    }

    private Http.Reply post(String path, String json) throws Exception {
        return stack.post(path, json);
    }
}
