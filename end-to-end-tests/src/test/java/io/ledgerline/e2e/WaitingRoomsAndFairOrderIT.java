package io.ledgerline.e2e;

import static io.ledgerline.e2e.Stack.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fair order, transfers and waiting rooms through the real stack: the command service places each entry by the
 * queue's weights, its timer promotes an entry that waited past its class's aging limit, a transfer moves an entry
 * between queues in logged steps, a waiting room admits at its rate and lets admissions expire, and the projection
 * shows what the events carry.
 */
class WaitingRoomsAndFairOrderIT {

    private static final Duration SOON = Duration.ofSeconds(20);

    @RegisterExtension
    static final Stack stack = new Stack();

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void a_low_entry_gets_its_weighted_share_among_urgent_ones_and_ages_into_normal() throws Exception {
        String q = "e2e-fair-" + run;
        expect(stack.post("/queues", "{\"queueId\":\"" + q + "\",\"name\":\"Clinic\",\"capacity\":50,\"settings\":{"
                + "\"ordering\":{\"weights\":{\"URGENT\":8,\"HIGH\":4,\"NORMAL\":2,\"LOW\":1},"
                + "\"agingLimits\":{\"LOW\":\"PT4S\"}}}}"), 201);
        for (int i = 1; i <= 10; i++) {
            expect(stack.post("/queues/" + q + "/entries",
                    "{\"entryId\":\"u" + String.format("%02d", i) + "\",\"priority\":\"URGENT\"}"), 201);
        }
        expect(stack.post("/queues/" + q + "/entries", "{\"entryId\":\"low\",\"priority\":\"LOW\"}"), 201);

        // One LOW per eight URGENT: its key equals the eighth URGENT key, and the smaller id goes first.
        JsonNode placed = awaitEntry(q, "low", entry -> entry.path("position").asInt() == 8);
        assertThat(placed.get("priority").asText()).isEqualTo("LOW");

        // Four seconds later the timer promotes it to NORMAL, placed as if it joined NORMAL now: fourth.
        JsonNode aged = awaitEntry(q, "low", entry -> entry.path("priority").asText().equals("NORMAL"));
        assertThat(aged.get("position").asInt()).isEqualTo(4);
        assertThat(entry(q, "u04").get("position").asInt()).isEqualTo(5);

        List<String> called = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            called.add(expect(stack.post("/queues/" + q + "/call-next", ""), 200).get("entryId").asText());
        }
        assertThat(called).containsExactly("u01", "u02", "u03", "low", "u04");
    }

    @Test
    void a_transfer_joins_the_target_then_leaves_the_source_and_a_refused_one_returns_to_its_place() throws Exception {
        String desk = "e2e-desk-" + run;
        String annex = "e2e-annex-" + run;
        expect(stack.post("/queues", "{\"queueId\":\"" + desk + "\",\"name\":\"Desk\",\"capacity\":10,"
                + "\"settings\":{\"ticketPrefix\":\"A\"}}"), 201);
        expect(stack.post("/queues", "{\"queueId\":\"" + annex + "\",\"name\":\"Annex\",\"capacity\":1,"
                + "\"settings\":{\"ticketPrefix\":\"B\"}}"), 201);
        expect(stack.post("/queues/" + desk + "/entries", "{\"entryId\":\"ann\",\"priority\":\"HIGH\","
                + "\"externalRef\":\"booking 42\"}"), 201);
        expect(stack.post("/queues/" + desk + "/entries", "{\"entryId\":\"bob\"}"), 201);
        expect(stack.post("/queues/" + desk + "/entries", "{\"entryId\":\"cyd\"}"), 201);

        Http.Reply moved = stack.post("/queues/" + desk + "/entries/ann/transfer",
                "{\"targetQueueId\":\"" + annex + "\",\"justification\":\"shorter line\"}");
        expect(moved, 202);
        JsonNode there = awaitEntry(annex, "ann", entry -> entry.path("status").asText().equals("WAITING"));
        assertThat(there.get("priority").asText()).isEqualTo("HIGH");
        assertThat(there.get("entryNumber").asText()).isEqualTo("B-001");
        awaitEntry(desk, "ann", entry -> entry.path("status").asText().equals("TRANSFERRED"));
        assertThat(entry(desk, "bob").get("position").asInt()).isEqualTo(1);

        // The annex is full now: it refuses bob, who comes back to the head of the desk's line, never lost.
        long started = expect(stack.post("/queues/" + desk + "/entries/bob/transfer",
                "{\"targetQueueId\":\"" + annex + "\",\"justification\":\"shorter line\"}"), 202)
                .get("sequence").asLong();
        await().atMost(SOON).pollInterval(Duration.ofMillis(100)).until(() ->
                stack.read("/queues/" + desk).path("lastSequence").asLong() > started); // the settlement
        JsonNode returned = entry(desk, "bob");
        assertThat(returned.get("status").asText()).isEqualTo("WAITING");
        assertThat(returned.get("position").asInt()).isEqualTo(1);
        JsonNode notThere = entry(annex, "bob"); // no body, or a 404 problem
        assertThat(notThere == null || !notThere.path("entryId").asText().equals("bob")).as("%s", notThere).isTrue();
        assertThat(expect(stack.post("/queues/" + desk + "/call-next", ""), 200).get("entryId").asText())
                .isEqualTo("bob");
    }

    @Test
    void a_waiting_room_admits_at_its_rate_up_to_its_ceiling_and_admits_the_next_when_a_session_expires()
            throws Exception {
        String q = "e2e-sale-" + run;
        expect(stack.post("/queues", "{\"queueId\":\"" + q + "\",\"name\":\"Sale\",\"capacity\":50,\"settings\":{"
                + "\"admission\":{\"mode\":\"AUTOMATIC\",\"perMinute\":120,\"maxActive\":2,"
                + "\"sessionDuration\":\"PT3S\"}}}"), 201);
        java.util.Map<String, String> tickets = new java.util.HashMap<>();
        for (String fan : new String[] {"f1", "f2", "f3"}) {
            expect(stack.post("/queues/" + q + "/entries", "{\"entryId\":\"" + fan + "\"}"), 201);
            tickets.put(fan, "Bearer " + expect(stack.post("/queues/" + q + "/entries/" + fan + "/ticket", ""), 200)
                    .get("ticket").asText());
        }
        JsonNode first = awaitEntry(q, "f1", entry -> entry.path("status").asText().equals("ADMITTED"));
        // f1's ticket is f1's: it gets f1's admission, never f3's.
        expect(stack.commandsAs(tickets.get("f1"), "POST", "/queues/" + q + "/entries/f3/admission", null), 403);
        JsonNode admission = expect(stack.commandsAs(tickets.get("f1"), "POST", "/queues/" + q
                + "/entries/f1/admission", null), 200);
        String signed = admission.get("admission").asText();
        assertThat(Admissions.verified(stack, signed)).as("the shop verifies it with the published keys").isTrue();
        JsonNode claims = Admissions.claims(signed);
        assertThat(claims.get("aud").asText()).isEqualTo("ledgerline-admission");
        assertThat(claims.get("entry").asText()).isEqualTo("f1");
        assertThat(claims.get("queues").get(0).asText()).isEqualTo(q);
        assertThat(claims.get("exp").asLong()).isEqualTo(Instant.parse(first.get("admittedUntil").asText())
                .getEpochSecond());
        JsonNode second = awaitEntry(q, "f2", entry -> entry.path("status").asText().equals("ADMITTED"));
        assertThat(Instant.parse(second.get("admittedUntil").asText()))
                .as("admitted half a second after the first, at the rate").isAfterOrEqualTo(
                        Instant.parse(first.get("admittedUntil").asText()).plusMillis(500));
        // Two hold an admission: the third waits, first in line, until a session ends.
        assertThat(entry(q, "f3").get("position").asInt()).isEqualTo(1);
        assertThat(stack.post("/queues/" + q + "/call-next", "").status()).as("nobody calls next here")
                .isGreaterThanOrEqualTo(400);
        // Waiting, f3's ticket reads its place but holds no admission to show the shop yet.
        assertThat(expect(stack.readAs(tickets.get("f3"), "/queues/" + q + "/entries/f3"), 200).get("position")
                .asInt()).isEqualTo(1);
        assertThat(expect(stack.commandsAs(tickets.get("f3"), "POST", "/queues/" + q + "/entries/f3/admission",
                null), 409).get("reason").asText()).isEqualTo("NOT_ADMITTED");

        awaitEntry(q, "f1", entry -> entry.path("status").asText().equals("EXPIRED"));
        JsonNode third = awaitEntry(q, "f3", entry -> entry.path("status").asText().equals("ADMITTED"));
        assertThat(Instant.parse(third.get("admittedUntil").asText()))
                .isAfterOrEqualTo(Instant.parse(first.get("admittedUntil").asText()).plusSeconds(3));
    }

    @Test
    void anyone_joins_a_public_queue_reads_their_place_with_the_ticket_and_leaves_with_it() throws Exception {
        String q = "e2e-public-" + run;
        expect(stack.post("/queues", "{\"queueId\":\"" + q + "\",\"name\":\"Walk-in\",\"capacity\":50,"
                + "\"settings\":{\"publicJoins\":true}}"), 201);
        expect(stack.post("/queues/" + q + "/entries", "{\"entryId\":\"first\"}"), 201);
        JsonNode joined = expect(stack.commandsAs(null, "POST", "/queues/" + q + "/entries", "{}"), 201);
        String entry = joined.get("entryId").asText();
        String ticket = "Bearer " + joined.get("ticket").asText();

        // One read that waits for the join (read-your-writes), not a poll: a ticket's reads are rate limited (8 in
        // 10 s in tests), and polling a projection a moment behind spent them before the checks below.
        assertThat(expect(stack.readAs(ticket, "/queues/" + q + "/entries/" + entry + "?minSequence="
                + joined.get("sequence").asLong()), 200).path("position").asInt()).isEqualTo(2);
        assertThat(stack.readAs(ticket, "/queues/" + q + "/entries/first").status()).isEqualTo(403);
        assertThat(stack.readAs(null, "/queues/" + q + "/entries/" + entry).status()).isEqualTo(401);

        expect(stack.commandsAs(ticket, "DELETE", "/queues/" + q + "/entries/" + entry, null), 200);
        awaitEntry(q, entry, found -> found.path("status").asText().equals("LEFT"));
    }

    @Test
    void an_opening_lottery_commits_to_its_seed_draws_who_came_before_and_anyone_can_re_derive_the_order()
            throws Exception {
        String q = "e2e-lottery-" + run;
        expect(stack.post("/queues", "{\"queueId\":\"" + q + "\",\"name\":\"Presale\",\"capacity\":50}"), 201);
        List<String> early = List.of("f1", "f2", "f3", "f4", "f5", "f6");
        for (String fan : early) {
            expect(stack.post("/queues/" + q + "/entries", "{\"entryId\":\"" + fan + "\"}"), 201);
        }
        JsonNode committed = expect(stack.post("/queues/" + q + "/lottery",
                "{\"drawAt\":\"" + Instant.now().plusSeconds(2) + "\"}"), 200);
        String lotteryId = committed.get("lotteryId").asText();
        long commitSequence = committed.get("sequence").asLong();

        // Cut off, drawn, reordered: three events after the commitment.
        await().atMost(SOON).pollInterval(Duration.ofMillis(100)).until(() ->
                stack.read("/queues/" + q).path("lastSequence").asLong() >= commitSequence + 3);
        expect(stack.post("/queues/" + q + "/entries", "{\"entryId\":\"late\"}"), 201);
        awaitEntry(q, "late", entry -> entry.path("position").asInt() == 7);

        // The seed the service revealed is the one it committed to, and the line is its documented shuffle.
        String seed = hmacHex(System.getenv("LEDGERLINE_LOTTERY_KEY"), q + "\n" + lotteryId);
        assertThat(hex(digest(seed))).isEqualTo(committed.get("seedHash").asText());
        List<String> line = new ArrayList<>();
        stack.read("/queues/" + q + "/entries").forEach(entry -> line.add(entry.get("entryId").asText()));
        List<String> expected = new ArrayList<>(shuffled(seed, early));
        expected.add("late");
        assertThat(line).isEqualTo(expected);
    }

    @Test
    void a_group_join_goes_to_the_queue_with_the_shortest_expected_wait_that_takes_it_and_a_retry_finds_it_there()
            throws Exception {
        String group = "e2e-group-" + run;
        String[][] queues = {{"qa-" + run, "10", "3"}, {"qb-" + run, "1", "1"}, {"qc-" + run, "10", "0"}};
        for (String[] q : queues) {
            expect(stack.post("/queues", "{\"queueId\":\"" + q[0] + "\",\"name\":\"Desk\",\"capacity\":" + q[1]
                    + ",\"settings\":{\"tags\":[\"" + group + "\"]}}"), 201);
            for (int i = 0; i < Integer.parseInt(q[2]); i++) {
                expect(stack.post("/queues/" + q[0] + "/entries", "{\"entryId\":\"p" + i + "\"}"), 201);
            }
        }
        expect(stack.post("/queues/qc-" + run + "/close", ""), 200); // takes no joins
        await().atMost(SOON).pollInterval(Duration.ofMillis(100)).until(() ->
                stack.read("/queues/qa-" + run).path("waitingCount").asInt() == 3
                        && stack.read("/queues/qc-" + run).path("status").asText().equals("CLOSED"));

        // qb has the shortest line but is full: the join passes to qa, the next best; qc is closed.
        Http.Reply joined = stack.post("/queue-groups/" + group + "/entries", "{\"entryId\":\"zoe\"}",
                "group-" + run);
        JsonNode body = expect(joined, 201);
        assertThat(body.get("queueId").asText()).isEqualTo("qa-" + run);
        awaitEntry("qa-" + run, "zoe", entry -> entry.path("position").asInt() == 4);

        JsonNode again = expect(stack.post("/queue-groups/" + group + "/entries", "{\"entryId\":\"zoe\"}",
                "group-" + run), 200);
        assertThat(again.get("queueId").asText()).isEqualTo("qa-" + run);
        assertThat(again.get("alreadyIn").asBoolean()).isTrue();
        assertThat(stack.post("/queue-groups/nobody-" + run + "/entries", "{}").status()).isEqualTo(404);
    }

    @Test
    void a_person_served_at_one_queue_keeps_their_place_in_another_that_holds_and_is_called_there_after()
            throws Exception {
        String xray = "e2e-xray-" + run;
        String desk = "e2e-frontdesk-" + run;
        expect(stack.post("/queues", "{\"queueId\":\"" + xray + "\",\"name\":\"X-ray\",\"capacity\":10,"
                + "\"settings\":{\"holdWhileServedElsewhere\":true}}"), 201);
        expect(stack.post("/queues", "{\"queueId\":\"" + desk + "\",\"name\":\"Desk\",\"capacity\":10}"), 201);
        expect(stack.post("/queues/" + xray + "/entries", "{\"entryId\":\"pat-x\",\"personRef\":\"pat-" + run
                + "\"}"), 201);
        expect(stack.post("/queues/" + xray + "/entries", "{\"entryId\":\"sam\"}"), 201);
        expect(stack.post("/queues/" + desk + "/entries", "{\"entryId\":\"pat-d\",\"personRef\":\"pat-" + run
                + "\"}"), 201);

        assertThat(expect(stack.post("/queues/" + desk + "/call-next", ""), 200).get("entryId").asText())
                .isEqualTo("pat-d");
        JsonNode held = awaitEntry(xray, "pat-x", entry -> entry.path("status").asText().equals("SERVED_ELSEWHERE"));
        assertThat(held.path("position").isNull() || held.path("position").isMissingNode()).as("%s", held).isTrue();
        assertThat(entry(xray, "sam").get("position").asInt()).isEqualTo(1);
        assertThat(expect(stack.post("/queues/" + xray + "/call-next", ""), 200).get("entryId").asText())
                .isEqualTo("sam");

        expect(stack.post("/queues/" + desk + "/entries/pat-d/complete", ""), 200);
        JsonNode back = awaitEntry(xray, "pat-x", entry -> entry.path("status").asText().equals("WAITING"));
        assertThat(back.get("position").asInt()).isEqualTo(1);
        assertThat(expect(stack.post("/queues/" + xray + "/call-next", ""), 200).get("entryId").asText())
                .isEqualTo("pat-x");
    }

    /** The recipe LotteryDrawn documents: Fisher-Yates from the end, j from SHA-256(seed + ":" + i). */
    private static List<String> shuffled(String seed, List<String> inTicketOrder) throws Exception {
        List<String> p = new ArrayList<>(inTicketOrder);
        for (int i = p.size() - 1; i >= 1; i--) {
            long u = java.nio.ByteBuffer.wrap(digest(seed + ":" + i), 0, 8).getLong();
            int j = (int) Long.remainderUnsigned(u, i + 1L);
            String swap = p.get(i);
            p.set(i, p.get(j));
            p.set(j, swap);
        }
        return p;
    }

    private static byte[] digest(String text) throws Exception {
        return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String hmacHex(String key, String text) throws Exception {
        assertThat(key).as("LEDGERLINE_LOTTERY_KEY, as ./ledgerline test sets it").isNotBlank();
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return hex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private JsonNode awaitEntry(String q, String entryId, java.util.function.Predicate<JsonNode> condition) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(SOON).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            seen[0] = entry(q, entryId);
            assertThat(seen[0]).as("%s in %s", entryId, q).isNotNull();
            assertThat(condition.test(seen[0])).as("%s: %s", entryId, seen[0]).isTrue();
        });
        return seen[0];
    }

    private JsonNode entry(String q, String entryId) throws Exception {
        return stack.read("/queues/" + q + "/entries/" + entryId);
    }
}
