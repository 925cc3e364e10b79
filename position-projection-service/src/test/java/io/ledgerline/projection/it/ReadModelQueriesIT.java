package io.ledgerline.projection.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import ledgerline.queue.v1.Priority;
import ledgerline.queue.v1.QueueEventEnvelope;
import org.junit.jupiter.api.Test;

/** The queries a console and an analyst make: the whole line page by page, counts, statistics, queues by tag. */
@QuarkusTest
class ReadModelQueriesIT {

    @Test
    void a_line_longer_than_a_page_is_read_page_by_page_in_order_while_it_moves() {
        QueueScript queue = new QueueScript();
        List<QueueEventEnvelope> events = new ArrayList<>(List.of(queue.created("Long line", 5000)));
        List<String> joined = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            joined.add(String.format("e%04d", i));
            events.add(queue.joined(joined.get(i), Priority.NORMAL));
        }
        TestKafka.sendInOneTransaction(events);
        awaitSequence(queue);

        Response first = page("/queues/" + queue.queueId + "/entries?limit=500");
        List<String> seen = new ArrayList<>(first.jsonPath().getList("entryId"));
        assertThat(first.jsonPath().getList("position", Integer.class)).startsWith(1, 2, 3);
        // The line moves between pages: the head is called, and so is the entry the first page ended with.
        TestKafka.send(queue.called("e0000"), queue.called("e0001"), queue.called("e0499"));
        awaitSequence(queue);
        String next = Links.next(first);
        while (next != null) {
            Response more = page(next);
            seen.addAll(more.jsonPath().getList("entryId"));
            next = Links.next(more);
        }
        assertThat(seen).as("every entry once, in serving order").isEqualTo(joined);
    }

    @Test
    void counts_statistics_and_the_queues_carrying_a_tag() {
        QueueScript queue = new QueueScript();
        String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        TestKafka.send(queue.createdHolding("Figures", 10, tag), queue.joined("a", Priority.URGENT),
                queue.joined("b", Priority.NORMAL), queue.joined("c", Priority.NORMAL),
                queue.joined("d", Priority.NORMAL), queue.joined("e", Priority.LOW), queue.called("a"),
                queue.called("b"), queue.completed("a"), queue.noShow("b"), queue.left("c"));
        awaitSequence(queue);

        given().get("/queues/{q}/counts", queue.queueId).then().statusCode(200)
                .body("byStatus.WAITING", equalTo(2)).body("byStatus.COMPLETED", equalTo(1))
                .body("byStatus.NO_SHOW", equalTo(1)).body("byStatus.LEFT", equalTo(1))
                .body("byStatusAndPriority.WAITING.NORMAL", equalTo(1))
                .body("byStatusAndPriority.WAITING.LOW", equalTo(1));
        Response stats = given().get("/queues/{q}/stats?window=PT1H", queue.queueId);
        stats.then().statusCode(200).body("finished.COMPLETED", equalTo(1)).body("finished.NO_SHOW", equalTo(1))
                .body("finished.LEFT", equalTo(1)).body("successRate", equalTo(0.5f)).body("called", equalTo(2))
                .body("completedPerHour", equalTo(1.0f));
        assertThat(stats.jsonPath().getDouble("averageWaitSeconds")).isGreaterThanOrEqualTo(0);
        assertThat(stats.jsonPath().getDouble("p90WaitSeconds")).isGreaterThanOrEqualTo(0);
        given().get("/queues/{q}/stats?window=forever", queue.queueId).then().statusCode(400);

        given().get("/queues?tag={t}", tag).then().statusCode(200).body("queueId", equalTo(List.of(queue.queueId)))
                .body("[0].tags", equalTo(List.of(tag))).body("[0].status", equalTo("OPEN"));
        given().get("/queues?tag={t}&tag=other", tag).then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void a_read_that_asks_for_a_sequence_waits_for_it_and_says_so_when_it_does_not_come() {
        QueueScript queue = new QueueScript();
        TestKafka.send(queue.created("Read your writes", 5), queue.joined("ann", Priority.NORMAL));
        long written = queue.lastSequence();
        // Asked at once, without waiting on our side: the projection holds the answer back until it has the write.
        given().header("Ledgerline-Min-Sequence", written).get("/queues/{q}/entries/ann", queue.queueId).then()
                .statusCode(200).body("position", equalTo(1)).body("sequence", equalTo((int) written));
        given().get("/queues/{q}?minSequence={n}", queue.queueId, written + 50).then().statusCode(503)
                .contentType("application/problem+json").body("reason", equalTo("PROJECTION_BEHIND"));
    }

    @Test
    void bad_paging_and_sequence_parameters_are_answered_400_saying_which() {
        QueueScript queue = new QueueScript();
        TestKafka.send(queue.created("Bad input", 5));
        awaitSequence(queue);
        for (String query : List.of("/queues/{q}?minSequence=soon", "/queues/{q}/entries?limit=many",
                "/queues/{q}/entries?limit=0", "/queues/{q}/entries?after=not-a-cursor", "/queues/{q}/audit?after=x",
                "/queues/{q}/audit?limit=-1", "/queues/{q}/entries/ann/history?after=-5", "/queues?limit=ten")) {
            given().get(query.replace("{q}", queue.queueId)).then().statusCode(400).contentType("application/problem+json")
                    .body("reason", equalTo("INVALID_REQUEST"));
        }
        given().header("Ledgerline-Min-Sequence", "later").get("/queues/{q}", queue.queueId).then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("minSequence"));
    }

    private static Response page(String url) {
        Response response = given().get(url);
        response.then().statusCode(200);
        return response;
    }

    private static void awaitSequence(QueueScript queue) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/queues/{q}", queue.queueId).then()
                .statusCode(200).body("lastSequence", equalTo((int) queue.lastSequence())));
    }
}
