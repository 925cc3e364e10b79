package io.ledgerline.projection.it;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.ledgerline.projection.store.RedisKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import ledgerline.queue.v1.Priority;

/**
 * Entries held while their person is served elsewhere (EntryHeldForServiceElsewhere, EntryBackFromServiceElsewhere),
 * against the real Kafka, Apicurio, PostgreSQL and Redis, as {@link PositionProjectionIT}: the events a queue set to
 * {@code holdWhileServedElsewhere} writes go to the test events topic, answers come from the REST queries and Redis.
 */
@QuarkusTest
class ServedElsewhereIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Instant LATER = Instant.parse("2030-01-01T09:00:00Z");

    @Inject
    RedisDataSource redis;

    @Inject
    RedisKeys keys;

    private static void awaitLastSequence(QueueScript queue) {
        await().atMost(PATIENCE).untilAsserted(() -> when().get("/queues/{q}", queue.queueId)
                .then().statusCode(200).body("lastSequence", equalTo((int) queue.lastSequence())));
    }

    private static void assertLine(QueueScript queue, String... entryIds) {
        given().when().get("/queues/{q}/entries", queue.queueId).then().statusCode(200)
                .body("entryId", entryIds.length == 0 ? empty() : contains((Object[]) entryIds));
        when().get("/queues/{q}", queue.queueId).then().body("waitingCount", equalTo(entryIds.length));
    }

    private static io.restassured.response.ValidatableResponse entry(QueueScript queue, String entryId) {
        return when().get("/queues/{q}/entries/{e}", queue.queueId, entryId).then().statusCode(200);
    }

    /** Redis' record of the entries held elsewhere: none once every hold has ended. */
    private void assertNobodyHeldElsewhere(QueueScript queue) {
        assertThat(redis.hash(String.class).hgetall(keys.servedElsewhere(queue.queueId))).isEmpty();
    }

    @Test
    void anEntryServedElsewhereKeepsItsPlaceOutOfTheLineUntilTheLastServiceEnds() {
        QueueScript queue = new QueueScript();
        String group = "it-group-" + UUID.randomUUID();
        TestKafka.send(queue.createdHolding("Lab", 10, group),
                queue.joined("a", Priority.NORMAL),
                queue.joined("b", Priority.NORMAL),
                queue.joined("c", Priority.NORMAL),
                queue.heldElsewhere("b", "it-desk", "b-at-desk"));
        awaitLastSequence(queue);

        entry(queue, "b").body("status", equalTo("SERVED_ELSEWHERE")).body("position", nullValue())
                .body("heldUntil", nullValue()).body("servedElsewhereIn", contains("it-desk/b-at-desk"));
        entry(queue, "c").body("position", equalTo(2));
        assertLine(queue, "a", "c");
        given().queryParam("status", "SERVED_ELSEWHERE").when().get("/queues/{q}/entries", queue.queueId)
                .then().statusCode(200).body("entryId", contains("b")).body("position", contains((Object) null));
        // Still active in the queue: a group join must not place the entry a second time.
        given().queryParam("entryId", "b").when().get("/queue-groups/{g}", group).then().statusCode(200)
                .body("entryIn", equalTo(queue.queueId)).body("queues[0].waitingCount", equalTo(2));

        // The person is served in a second place at once: both hold the entry, and the end of one does not free it.
        TestKafka.send(queue.heldElsewhere("b", "it-pharmacy", "b-at-pharmacy"),
                queue.backFromElsewhere("b", "it-desk", "b-at-desk", 1));
        awaitLastSequence(queue);
        entry(queue, "b").body("status", equalTo("SERVED_ELSEWHERE")).body("position", nullValue())
                .body("servedElsewhereIn", contains("it-pharmacy/b-at-pharmacy"));
        assertLine(queue, "a", "c");

        TestKafka.send(queue.backFromElsewhere("b", "it-pharmacy", "b-at-pharmacy", 0));
        awaitLastSequence(queue);
        entry(queue, "b").body("status", equalTo("WAITING")).body("position", equalTo(2))
                .body("servedElsewhereIn", empty());
        entry(queue, "c").body("position", equalTo(3));
        assertLine(queue, "a", "b", "c");
        assertNobodyHeldElsewhere(queue);
    }

    @Test
    void aScheduledEntryServedElsewhereJoinsTheLineOnlyWhenBackAndReleased() {
        QueueScript queue = new QueueScript();
        TestKafka.send(queue.createdHolding("Clinic", 10, "it-clinics"),
                queue.joined("a", Priority.NORMAL),
                queue.joinedHeld("s", Priority.NORMAL, LATER),
                queue.joined("c", Priority.NORMAL),
                queue.joinedHeld("t", Priority.NORMAL, LATER),
                queue.heldElsewhere("s", "it-desk", "s-at-desk"),
                queue.heldElsewhere("t", "it-desk", "t-at-desk"));
        awaitLastSequence(queue);
        // Still scheduled: the due time is shown, as while HELD.
        entry(queue, "s").body("status", equalTo("SERVED_ELSEWHERE")).body("position", nullValue())
                .body("heldUntil", equalTo("2030-01-01T09:00:00Z"));

        // Its time came while it was held elsewhere: no longer scheduled, still out of the line.
        TestKafka.send(queue.released("s"));
        awaitLastSequence(queue);
        entry(queue, "s").body("status", equalTo("SERVED_ELSEWHERE")).body("position", nullValue())
                .body("heldUntil", nullValue());
        assertLine(queue, "a", "c");

        // Back: s in its place by its key, between a and c; t, not released yet, is HELD again until its release.
        TestKafka.send(queue.backFromElsewhere("s", "it-desk", "s-at-desk", 0),
                queue.backFromElsewhere("t", "it-desk", "t-at-desk", 0));
        awaitLastSequence(queue);
        entry(queue, "s").body("status", equalTo("WAITING")).body("position", equalTo(2));
        entry(queue, "t").body("status", equalTo("HELD")).body("position", nullValue())
                .body("heldUntil", equalTo("2030-01-01T09:00:00Z")).body("servedElsewhereIn", empty());
        assertLine(queue, "a", "s", "c");

        TestKafka.send(queue.released("t"));
        awaitLastSequence(queue);
        assertLine(queue, "a", "s", "c", "t");
        assertNobodyHeldElsewhere(queue);
    }

    @Test
    void aDrawOrAPriorityChangeWhileServedElsewherePlacesTheEntryForItsReturn() {
        QueueScript queue = new QueueScript();
        TestKafka.send(queue.createdHolding("Lottery desk", 10, "it-lotteries"),
                queue.joined("a", Priority.NORMAL),
                queue.joined("b", Priority.NORMAL),
                queue.joined("c", Priority.NORMAL),
                queue.joined("d", Priority.NORMAL),
                queue.heldElsewhere("b", "it-desk", "b-at-desk"),
                // A draw includes whoever is in the line, the held-elsewhere entry too: b takes key 200, still out.
                queue.reordered(List.of("d", "b", "a", "c"), List.of(100L, 200L, 300L, 400L)));
        awaitLastSequence(queue);
        entry(queue, "b").body("status", equalTo("SERVED_ELSEWHERE")).body("position", nullValue());
        assertLine(queue, "d", "a", "c");

        TestKafka.send(queue.backFromElsewhere("b", "it-desk", "b-at-desk", 0));
        awaitLastSequence(queue);
        assertLine(queue, "d", "b", "a", "c");

        TestKafka.send(queue.heldElsewhere("c", "it-desk", "c-at-desk"),
                queue.priorityChangedTo("c", Priority.NORMAL, Priority.URGENT, 50));
        awaitLastSequence(queue);
        entry(queue, "c").body("status", equalTo("SERVED_ELSEWHERE")).body("priority", equalTo("URGENT"))
                .body("position", nullValue());
        assertLine(queue, "d", "b", "a");

        TestKafka.send(queue.backFromElsewhere("c", "it-desk", "c-at-desk", 0));
        awaitLastSequence(queue);
        assertLine(queue, "c", "d", "b", "a");
        assertThat(KeptKeys.of(redis, keys, queue.queueId)).containsEntry("b", 200L).containsEntry("c", 50L);
        assertNobodyHeldElsewhere(queue);
    }

    @Test
    void leavingOrAClosingEndsAnEntryServedElsewhereAndItsIdMayJoinAgain() {
        QueueScript queue = new QueueScript();
        TestKafka.send(queue.createdHolding("Town hall", 10, "it-halls"),
                queue.joined("a", Priority.NORMAL),
                queue.joined("b", Priority.NORMAL),
                queue.joined("c", Priority.NORMAL),
                queue.heldElsewhere("a", "it-desk", "a-at-desk"),
                queue.heldElsewhere("b", "it-desk", "b-at-desk"),
                queue.heldElsewhere("b", "it-pharmacy", "b-at-pharmacy"),
                queue.left("a"),
                queue.closed("c"),
                queue.closedOutToo("b"));
        awaitLastSequence(queue);

        entry(queue, "a").body("status", equalTo("LEFT")).body("servedElsewhereIn", empty());
        for (String closedOut : List.of("b", "c")) {
            entry(queue, closedOut).body("status", equalTo("CLOSED_OUT")).body("position", nullValue())
                    .body("servedElsewhereIn", empty());
        }
        assertLine(queue);
        assertThat(redis.hash(String.class).hgetall(keys.activeScores(queue.queueId))).isEmpty();
        assertNobodyHeldElsewhere(queue);

        // A closed-out id that joins again starts over, held for nothing.
        TestKafka.send(queue.opened(), queue.joined("b", Priority.NORMAL));
        awaitLastSequence(queue);
        entry(queue, "b").body("status", equalTo("WAITING")).body("position", equalTo(1))
                .body("servedElsewhereIn", empty());
    }
}
