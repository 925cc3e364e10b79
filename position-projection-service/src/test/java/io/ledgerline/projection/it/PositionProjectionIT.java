package io.ledgerline.projection.it;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.ledgerline.schemas.DeadLetterHeaders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ledgerline.queue.v1.Priority;

/**
 * Against the real Kafka, Apicurio, PostgreSQL and Redis of {@code ./ledgerline up}: events go to the test events
 * topic, answers come from the REST queries. Every test works on its own queue (UUID), so tests and earlier runs
 * never see each other's data.
 */
@QuarkusTest
class PositionProjectionIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static void awaitLastSequence(QueueScript queue) {
        await().atMost(PATIENCE).untilAsserted(() -> when().get("/queues/{q}", queue.queueId)
                .then().statusCode(200).body("lastSequence", equalTo((int) queue.lastSequence())));
    }

    private static void assertPosition(QueueScript queue, String entryId, Integer position) {
        when().get("/queues/{q}/entries/{e}", queue.queueId, entryId)
                .then().statusCode(200).body("position", position == null ? nullValue() : equalTo(position));
    }

    @Test
    void mixedPrioritiesAreRankedByClassThenByTicket() {
        QueueScript queue = new QueueScript();
        TestKafka.send(queue.created("Front desk", 20),
                queue.joined("normal-1", Priority.NORMAL),
                queue.joined("low-2", Priority.LOW),
                queue.joined("urgent-3", Priority.URGENT),
                queue.joined("normal-4", Priority.NORMAL),
                queue.joined("high-5", Priority.HIGH));
        awaitLastSequence(queue);

        when().get("/queues/{q}", queue.queueId).then().statusCode(200)
                .body("queueId", equalTo(queue.queueId))
                .body("name", equalTo("Front desk"))
                .body("status", equalTo("OPEN"))
                .body("capacity", equalTo(20))
                .body("waitingCount", equalTo(5))
                .body("lastSequence", equalTo(6));
        assertPosition(queue, "urgent-3", 1);
        assertPosition(queue, "high-5", 2);
        assertPosition(queue, "normal-1", 3);
        assertPosition(queue, "normal-4", 4);
        assertPosition(queue, "low-2", 5);
        when().get("/queues/{q}/entries/{e}", queue.queueId, "high-5").then()
                .body("status", equalTo("WAITING"))
                .body("priority", equalTo("HIGH"))
                .body("ticket", equalTo(5))
                .body("joinedAt", containsString("T"));

        given().queryParam("status", "WAITING").queryParam("limit", 50)
                .when().get("/queues/{q}/entries", queue.queueId)
                .then().statusCode(200)
                .body("entryId", contains("urgent-3", "high-5", "normal-1", "normal-4", "low-2"))
                .body("position", contains(1, 2, 3, 4, 5));
        given().queryParam("limit", 2).when().get("/queues/{q}/entries", queue.queueId)
                .then().statusCode(200).body("entryId", contains("urgent-3", "high-5"));
    }

    @Test
    void callingCompletingAndLeavingMoveThoseBehind() {
        QueueScript queue = new QueueScript();
        TestKafka.send(queue.created("Pharmacy", 10),
                queue.joined("a", Priority.NORMAL),
                queue.joined("b", Priority.NORMAL),
                queue.joined("c", Priority.NORMAL),
                queue.joined("d", Priority.NORMAL),
                queue.called("a"));
        awaitLastSequence(queue);
        when().get("/queues/{q}/entries/a", queue.queueId).then()
                .body("status", equalTo("CALLED")).body("position", nullValue());
        assertPosition(queue, "b", 1);
        assertPosition(queue, "d", 3);

        TestKafka.send(queue.completed("a"), queue.left("b"));
        awaitLastSequence(queue);
        when().get("/queues/{q}/entries/a", queue.queueId).then().body("status", equalTo("COMPLETED"));
        when().get("/queues/{q}/entries/b", queue.queueId).then()
                .body("status", equalTo("LEFT")).body("position", nullValue());
        assertPosition(queue, "c", 1);
        assertPosition(queue, "d", 2);
        when().get("/queues/{q}", queue.queueId).then().body("waitingCount", equalTo(2));
    }

    @Test
    void requeuePriorityChangeTransferAndNoShowKeepTheLineRight() {
        QueueScript queue = new QueueScript();
        TestKafka.send(queue.created("Lab", 10),
                queue.joined("a", Priority.NORMAL),
                queue.joined("b", Priority.NORMAL),
                queue.joined("c", Priority.LOW),
                queue.called("a"),
                queue.requeued("a"));
        awaitLastSequence(queue);
        // Requeued with its original ticket: back in front of b.
        assertPosition(queue, "a", 1);
        assertPosition(queue, "b", 2);

        TestKafka.send(queue.priorityChanged("c", Priority.LOW, Priority.URGENT),
                queue.transferredOut("b", Priority.NORMAL),
                queue.called("c"),
                queue.noShow("c"),
                queue.paused("lunch"));
        awaitLastSequence(queue);
        when().get("/queues/{q}/entries/b", queue.queueId).then()
                .body("status", equalTo("TRANSFERRED")).body("position", nullValue());
        when().get("/queues/{q}/entries/c", queue.queueId).then()
                .body("status", equalTo("NO_SHOW")).body("priority", equalTo("URGENT"));
        assertPosition(queue, "a", 1);
        when().get("/queues/{q}", queue.queueId).then()
                .body("status", equalTo("PAUSED")).body("waitingCount", equalTo(1));
        given().queryParam("status", "NO_SHOW").when().get("/queues/{q}/entries", queue.queueId)
                .then().statusCode(200).body("entryId", contains("c")).body("position", contains((Object) null));
    }

    @Test
    void heldEntriesStayOutOfTheLineUntilReleasedAndTheLastFailureEndsAnEntry() {
        QueueScript queue = new QueueScript();
        Instant later = Instant.parse("2030-01-01T09:00:00Z");
        TestKafka.send(queue.created("Clinic", 10),
                queue.joined("a", Priority.NORMAL),
                queue.joinedHeld("b", Priority.NORMAL, later),
                queue.joined("c", Priority.NORMAL));
        awaitLastSequence(queue);
        assertPosition(queue, "a", 1);
        assertPosition(queue, "c", 2);
        when().get("/queues/{q}/entries/b", queue.queueId).then()
                .body("status", equalTo("HELD")).body("position", nullValue())
                .body("heldUntil", equalTo("2030-01-01T09:00:00Z")).body("entryNumber", equalTo("A-002"))
                .body("ticket", equalTo(2));
        when().get("/queues/{q}", queue.queueId).then().body("waitingCount", equalTo(2));

        // a is called and its attempt fails with a retry: held, out of the line, c moves up.
        TestKafka.send(queue.calledTo("a", "A-001", "desk 4"), queue.failed("a", 1, later.plusSeconds(60)));
        awaitLastSequence(queue);
        when().get("/queues/{q}/entries/a", queue.queueId).then()
                .body("status", equalTo("HELD")).body("position", nullValue())
                .body("attempts", equalTo(1)).body("heldUntil", equalTo("2030-01-01T09:01:00Z"))
                .body("entryNumber", equalTo("A-001")).body("counter", equalTo("desk 4"));
        assertPosition(queue, "c", 1);
        given().queryParam("status", "HELD").when().get("/queues/{q}/entries", queue.queueId)
                .then().statusCode(200).body("entryId", contains("a", "b"));

        // Released, a takes its place by its ticket again, in front of c; then b likewise, behind a and in front of c.
        TestKafka.send(queue.released("a"));
        awaitLastSequence(queue);
        assertPosition(queue, "a", 1);
        assertPosition(queue, "c", 2);
        when().get("/queues/{q}/entries/a", queue.queueId).then()
                .body("status", equalTo("WAITING")).body("heldUntil", nullValue()).body("attempts", equalTo(1));
        TestKafka.send(queue.released("b"));
        awaitLastSequence(queue);
        given().when().get("/queues/{q}/entries", queue.queueId).then().statusCode(200)
                .body("entryId", contains("a", "b", "c")).body("position", contains(1, 2, 3));
        when().get("/queues/{q}", queue.queueId).then().body("waitingCount", equalTo(3));

        // a is called again and fails for good: FAILED, final, and the line closes up.
        TestKafka.send(queue.calledTo("a", "A-001", "desk 2"), queue.failed("a", 2, null));
        awaitLastSequence(queue);
        when().get("/queues/{q}/entries/a", queue.queueId).then()
                .body("status", equalTo("FAILED")).body("position", nullValue()).body("attempts", equalTo(2))
                .body("heldUntil", nullValue()).body("counter", equalTo("desk 2"));
        assertPosition(queue, "b", 1);
        assertPosition(queue, "c", 2);
        given().queryParam("status", "FAILED").when().get("/queues/{q}/entries", queue.queueId)
                .then().statusCode(200).body("entryId", contains("a"));
    }

    @Test
    void closingEndsTheWaitingAndHeldEntriesWhileTheCalledOnesAreStillServed() {
        QueueScript queue = new QueueScript();
        TestKafka.send(queue.created("Town hall", 10),
                queue.joined("a", Priority.NORMAL),
                queue.joined("b", Priority.NORMAL),
                queue.joined("c", Priority.HIGH),
                queue.joinedHeld("h", Priority.URGENT, Instant.parse("2030-01-01T09:00:00Z")),
                queue.joined("d", Priority.LOW),
                queue.called("c"),
                queue.called("a"),
                queue.closed("b", "d", "h"));
        awaitLastSequence(queue);

        when().get("/queues/{q}", queue.queueId).then()
                .body("status", equalTo("CLOSED")).body("waitingCount", equalTo(0));
        for (String closedOut : List.of("b", "d", "h")) {
            when().get("/queues/{q}/entries/{e}", queue.queueId, closedOut).then().statusCode(200)
                    .body("status", equalTo("CLOSED_OUT")).body("position", nullValue())
                    .body("heldUntil", nullValue());
        }
        given().queryParam("status", "CLOSED_OUT").when().get("/queues/{q}/entries", queue.queueId)
                .then().statusCode(200).body("entryId", contains("b", "h", "d"));
        given().queryParam("status", "HELD").when().get("/queues/{q}/entries", queue.queueId)
                .then().statusCode(200).body("entryId", empty());
        given().queryParam("status", "CALLED").when().get("/queues/{q}/entries", queue.queueId)
                .then().statusCode(200).body("entryId", contains("a", "c"));

        // Those being served when it closed are served to the end; one sent back waits in the closed queue.
        TestKafka.send(queue.completed("c"), queue.requeued("a"));
        awaitLastSequence(queue);
        when().get("/queues/{q}/entries/c", queue.queueId).then().body("status", equalTo("COMPLETED"));
        when().get("/queues/{q}/entries/a", queue.queueId).then()
                .body("status", equalTo("WAITING")).body("position", equalTo(1));
        when().get("/queues/{q}", queue.queueId).then()
                .body("status", equalTo("CLOSED")).body("waitingCount", equalTo(1));
    }

    @Test
    void aQueueOpenedAgainAfterClosingGivesNewJoinsTheirPositions() {
        QueueScript queue = new QueueScript();
        TestKafka.send(queue.created("Ferry", 10),
                queue.joined("a", Priority.NORMAL),
                queue.joined("b", Priority.NORMAL),
                queue.closed("a", "b"),
                queue.opened(),
                queue.joined("c", Priority.NORMAL),
                queue.joined("d", Priority.HIGH),
                queue.joined("a", Priority.NORMAL));
        awaitLastSequence(queue);

        when().get("/queues/{q}", queue.queueId).then()
                .body("status", equalTo("OPEN")).body("waitingCount", equalTo(3));
        given().when().get("/queues/{q}/entries", queue.queueId).then().statusCode(200)
                .body("entryId", contains("d", "c", "a")).body("position", contains(1, 2, 3));
        // A closed-out id that joins again starts over, with a new ticket; the other stays closed out.
        when().get("/queues/{q}/entries/a", queue.queueId).then()
                .body("status", equalTo("WAITING")).body("ticket", equalTo(5));
        when().get("/queues/{q}/entries/b", queue.queueId).then()
                .body("status", equalTo("CLOSED_OUT")).body("position", nullValue());
    }

    @Test
    void aPlanIsShownUntilItsOpeningOrClosingTakesPlaceOrLapses() {
        QueueScript queue = new QueueScript();
        Instant opens = Instant.parse("2030-01-01T08:00:00Z");
        Instant closes = Instant.parse("2030-01-01T17:00:00Z");
        TestKafka.send(queue.created("Library", 10));
        awaitLastSequence(queue);
        when().get("/queues/{q}", queue.queueId).then()
                .body("opensAt", nullValue()).body("closesAt", nullValue());

        TestKafka.send(queue.scheduled(opens, closes));
        awaitLastSequence(queue);
        when().get("/queues/{q}", queue.queueId).then()
                .body("opensAt", equalTo("2030-01-01T08:00:00Z")).body("closesAt", equalTo("2030-01-01T17:00:00Z"));

        // Already open when the opening came due: the queue stays as it is, the opening is used up.
        TestKafka.send(queue.lapsed("open", opens, "OPEN"), queue.joined("a", Priority.NORMAL));
        awaitLastSequence(queue);
        when().get("/queues/{q}", queue.queueId).then().body("status", equalTo("OPEN"))
                .body("opensAt", nullValue()).body("closesAt", equalTo("2030-01-01T17:00:00Z"));

        TestKafka.send(queue.closedAsPlanned(closes, "a"),
                queue.scheduled(opens.plusSeconds(86_400), closes.plusSeconds(86_400)));
        awaitLastSequence(queue);
        when().get("/queues/{q}/entries/a", queue.queueId).then().body("status", equalTo("CLOSED_OUT"));
        when().get("/queues/{q}", queue.queueId).then().body("status", equalTo("CLOSED"))
                .body("opensAt", equalTo("2030-01-02T08:00:00Z")).body("closesAt", equalTo("2030-01-02T17:00:00Z"));

        TestKafka.send(queue.openedAsPlanned(opens.plusSeconds(86_400)));
        awaitLastSequence(queue);
        when().get("/queues/{q}", queue.queueId).then().body("status", equalTo("OPEN"))
                .body("opensAt", nullValue()).body("closesAt", equalTo("2030-01-02T17:00:00Z"));

        // Paused when the closing came due: still paused, and nothing is planned any more.
        TestKafka.send(queue.paused("inventory"), queue.lapsed("close", closes.plusSeconds(86_400), "PAUSED"));
        awaitLastSequence(queue);
        when().get("/queues/{q}", queue.queueId).then().body("status", equalTo("PAUSED"))
                .body("opensAt", nullValue()).body("closesAt", nullValue());
    }

    @Test
    void aPriorityChangeMovesAWaitingEntry() {
        QueueScript queue = new QueueScript();
        TestKafka.send(queue.created("Triage", 10),
                queue.joined("first", Priority.NORMAL),
                queue.joined("second", Priority.NORMAL),
                queue.priorityChanged("second", Priority.NORMAL, Priority.HIGH));
        awaitLastSequence(queue);

        assertPosition(queue, "second", 1);
        assertPosition(queue, "first", 2);
    }

    @Test
    void theLineFollowsTheOrderKeysTheEventsCarryAndAPromotionChangesThePriority() {
        QueueScript queue = new QueueScript();
        // Keys as a weighted queue hands them out: no class comes first as such, equal keys go by entry id.
        TestKafka.send(queue.created("Weighted clinic", 20),
                queue.joinedAt("low-1", Priority.LOW, 100),
                queue.joinedAt("urgent-2", Priority.URGENT, 300),
                queue.joinedAt("b-tie", Priority.NORMAL, 200),
                queue.joinedAt("a-tie", Priority.HIGH, 200),
                queue.joinedLegacy("legacy-5", Priority.HIGH));
        awaitLastSequence(queue);
        given().when().get("/queues/{q}/entries", queue.queueId).then().statusCode(200)
                .body("entryId", contains("low-1", "a-tie", "b-tie", "urgent-2", "legacy-5"))
                .body("position", contains(1, 2, 3, 4, 5));

        // Aged one class up to a key ahead of a-tie; staff moves urgent-2 down a class but the domain's key puts it
        // first; a priority change from before keys puts legacy-5 at URGENT and its ticket, 5, ahead of everyone.
        TestKafka.send(queue.promoted("b-tie", Priority.NORMAL, Priority.HIGH, 150),
                queue.priorityChangedTo("urgent-2", Priority.URGENT, Priority.HIGH, 50));
        awaitLastSequence(queue);
        given().when().get("/queues/{q}/entries", queue.queueId).then().statusCode(200)
                .body("entryId", contains("urgent-2", "low-1", "b-tie", "a-tie", "legacy-5"))
                .body("priority", contains("HIGH", "LOW", "HIGH", "HIGH", "HIGH"));
        TestKafka.send(queue.priorityChangedLegacy("legacy-5", Priority.HIGH, Priority.URGENT),
                queue.called("b-tie"), queue.requeued("b-tie"));
        awaitLastSequence(queue);
        given().when().get("/queues/{q}/entries", queue.queueId).then().statusCode(200)
                .body("entryId", contains("legacy-5", "urgent-2", "low-1", "b-tie", "a-tie"))
                .body("priority", contains("URGENT", "HIGH", "LOW", "HIGH", "HIGH"));
        assertPosition(queue, "b-tie", 4);
    }

    @Test
    void aRedeliveredEventIsSkipped() {
        QueueScript queue = new QueueScript();
        TestKafka.send(queue.created("Bakery", 10), queue.joined("a", Priority.NORMAL),
                queue.joined("b", Priority.NORMAL));
        awaitLastSequence(queue);

        // Sequence 2 again, carrying a different entry: an older sequence is never applied twice.
        TestKafka.send(queue.withSequence(2, ledgerline.queue.v1.EntryJoined.newBuilder().setEntryId("ghost")
                .setPriority(Priority.URGENT).setTicket(99L).setJoinedAt(java.time.Instant.now()).setOrderKey(0L)
                .build()), queue.joined("c", Priority.NORMAL));
        awaitLastSequence(queue);

        when().get("/queues/{q}/entries/ghost", queue.queueId).then().statusCode(404);
        when().get("/queues/{q}", queue.queueId).then().body("waitingCount", equalTo(3));
        assertPosition(queue, "c", 3);
        assertThat(when().get("/q/metrics").asString())
                .contains("ledgerline_projection_events_skipped_total{type=\"EntryJoined\"");
    }

    @Test
    void unknownQueuesAndEntriesAreProblemDetails() {
        when().get("/queues/{q}", "it-no-such-queue").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("reason", equalTo("QUEUE_NOT_FOUND"))
                .body("title", equalTo("Queue not found"))
                .body("detail", containsString("it-no-such-queue"));

        QueueScript queue = new QueueScript();
        TestKafka.send(queue.created("Post office", 3));
        awaitLastSequence(queue);
        when().get("/queues/{q}/entries/{e}", queue.queueId, "nobody").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("reason", equalTo("ENTRY_NOT_FOUND"));
        when().get("/queues/{q}/entries", "it-no-such-queue").then()
                .statusCode(404).body("reason", equalTo("QUEUE_NOT_FOUND"));
        given().queryParam("limit", 0).when().get("/queues/{q}/entries", queue.queueId).then()
                .statusCode(400).contentType("application/problem+json").body("reason", equalTo("INVALID_REQUEST"));
        given().queryParam("status", "BORED").when().get("/queues/{q}/entries", queue.queueId).then()
                .statusCode(400).contentType("application/problem+json").body("reason", equalTo("INVALID_REQUEST"));
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndLaterEventsStillApply() {
        QueueScript queue = new QueueScript();
        byte[] garbage = new byte[64];
        new Random().nextBytes(garbage);
        garbage[0] = 0x13; // never the serde's magic byte
        TestKafka.sendRaw(queue.queueId, garbage);
        TestKafka.send(queue.created("After the poison", 5), queue.joined("a", Priority.HIGH));

        awaitLastSequence(queue);
        assertPosition(queue, "a", 1);
        List<ConsumerRecord<String, byte[]>> dead = await().atMost(PATIENCE)
                .until(() -> TestKafka.deadLetters(queue.queueId), list -> !list.isEmpty());
        ConsumerRecord<String, byte[]> letter = dead.get(0);
        assertThat(letter.value()).isEqualTo(garbage);
        assertThat(TestKafka.header(letter, DeadLetterHeaders.REASON)).get().asString()
                .startsWith("not a QueueEventEnvelope");
        assertThat(TestKafka.header(letter, DeadLetterHeaders.TOPIC)).contains(TestKafka.eventsTopic());
        assertThat(TestKafka.header(letter, DeadLetterHeaders.PARTITION)).isPresent();
        assertThat(TestKafka.header(letter, DeadLetterHeaders.OFFSET)).isPresent();
    }

    @Test
    void readinessIsUpWhileTheProjectionRuns() {
        when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void aRebuildGivesTheSameAnswersBack() {
        QueueScript queue = new QueueScript();
        TestKafka.send(queue.created("Rebuilt", 8),
                queue.joined("a", Priority.LOW),
                queue.joined("b", Priority.URGENT),
                queue.joined("c", Priority.NORMAL),
                queue.called("b"),
                queue.joined("d", Priority.HIGH),
                queue.left("c"),
                queue.joinedHeld("f", Priority.URGENT, Instant.parse("2030-01-01T09:00:00Z")),
                queue.calledTo("d", null, "desk 1"),
                queue.failed("d", 1, Instant.parse("2030-01-01T09:05:00Z")),
                queue.released("f"),
                queue.heldElsewhere("a", "it-desk", "a-at-desk"));
        // Closed while the plan has an opening ahead, then opened by people: the opening stays planned.
        QueueScript closed = new QueueScript();
        Instant opens = Instant.parse("2030-01-02T08:00:00Z");
        TestKafka.send(closed.created("Closed and opened", 8),
                closed.scheduled(opens, Instant.parse("2030-01-01T17:00:00Z")),
                closed.joined("x", Priority.NORMAL),
                closed.joined("y", Priority.HIGH),
                closed.joinedHeld("z", Priority.NORMAL, Instant.parse("2030-01-01T09:00:00Z")),
                closed.called("y"),
                closed.closedAsPlanned(Instant.parse("2030-01-01T17:00:00Z"), "x", "z"),
                closed.opened(),
                closed.joined("w", Priority.LOW));
        awaitLastSequence(queue);
        awaitLastSequence(closed);
        String queueBefore = when().get("/queues/{q}", queue.queueId).asString();
        String lineBefore = when().get("/queues/{q}/entries", queue.queueId).asString();
        String calledBefore = when().get("/queues/{q}/entries/b", queue.queueId).asString();
        String heldBefore = when().get("/queues/{q}/entries/d", queue.queueId).asString();
        String servedElsewhereBefore = when().get("/queues/{q}/entries/a", queue.queueId).asString();
        String closedQueueBefore = when().get("/queues/{q}", closed.queueId).asString();
        String closedOutBefore = given().queryParam("status", "CLOSED_OUT")
                .when().get("/queues/{q}/entries", closed.queueId).asString();
        String reopenedLineBefore = when().get("/queues/{q}/entries", closed.queueId).asString();

        given().contentType(ContentType.JSON).when().post("/admin/rebuild")
                .then().statusCode(202).body("state", equalTo("REPLAYING"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(when().get("/queues/{q}", queue.queueId).asString()).isEqualTo(queueBefore);
            assertThat(when().get("/queues/{q}/entries", queue.queueId).asString()).isEqualTo(lineBefore);
            assertThat(when().get("/queues/{q}/entries/b", queue.queueId).asString()).isEqualTo(calledBefore);
            assertThat(when().get("/queues/{q}/entries/d", queue.queueId).asString()).isEqualTo(heldBefore);
            assertThat(when().get("/queues/{q}/entries/a", queue.queueId).asString())
                    .isEqualTo(servedElsewhereBefore);
            assertThat(when().get("/queues/{q}", closed.queueId).asString()).isEqualTo(closedQueueBefore);
            assertThat(given().queryParam("status", "CLOSED_OUT").when().get("/queues/{q}/entries", closed.queueId)
                    .asString()).isEqualTo(closedOutBefore);
            assertThat(when().get("/queues/{q}/entries", closed.queueId).asString()).isEqualTo(reopenedLineBefore);
        });
        assertThat(lineBefore).contains("\"entryId\":\"f\"").doesNotContain("\"entryId\":\"d\"", "\"entryId\":\"a\"");
        assertThat(heldBefore).contains("\"status\":\"HELD\"");
        assertThat(servedElsewhereBefore).contains("\"status\":\"SERVED_ELSEWHERE\"",
                "\"servedElsewhereIn\":[\"it-desk/a-at-desk\"]");
        assertThat(closedQueueBefore).contains("\"opensAt\":\"2030-01-02T08:00:00Z\"", "\"closesAt\":null",
                "\"waitingCount\":1");
        assertThat(closedOutBefore).contains("\"entryId\":\"x\"", "\"entryId\":\"z\"")
                .doesNotContain("\"entryId\":\"y\"");
        // The projection keeps going after the replay, and knows the entry it holds for a service elsewhere.
        TestKafka.send(queue.joined("e", Priority.URGENT), queue.backFromElsewhere("a", "it-desk", "a-at-desk", 0));
        awaitLastSequence(queue);
        assertPosition(queue, "f", 1);
        assertPosition(queue, "e", 2);
        assertPosition(queue, "a", 3);
    }
}
