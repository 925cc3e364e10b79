package io.ledgerline.projection.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import ledgerline.queue.v1.Priority;
import org.junit.jupiter.api.Test;

/** An entry's journey and a queue's audit trail: who changed what, and why, in log order, page by page. */
@QuarkusTest
class AuditTrailIT {

    @Test
    void the_journey_of_an_entry_and_the_audit_of_its_queue_name_the_actor_and_the_why() {
        QueueScript queue = new QueueScript();
        TestKafka.send(queue.created("Audited", 10), queue.joined("ann", Priority.NORMAL),
                queue.joined("bob", Priority.NORMAL), queue.priorityChanged("bob", Priority.NORMAL, Priority.URGENT),
                queue.paused("lunch"), queue.calledTo("bob", "002", "desk 4"), queue.completed("bob"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/queues/{q}", queue.queueId).then()
                .statusCode(200).body("lastSequence", equalTo((int) queue.lastSequence())));

        given().get("/queues/{q}/entries/bob/history", queue.queueId).then().statusCode(200)
                .body("eventType", equalTo(List.of("EntryJoined", "EntryPriorityChanged", "EntryCalled",
                        "EntryCompleted")))
                .body("status", equalTo(List.of("WAITING", "WAITING", "CALLED", "COMPLETED")))
                .body("[1].priority", equalTo("URGENT")).body("[1].detail", equalTo("integration test"))
                .body("[1].actor", equalTo("position-projection-it")).body("[2].detail", equalTo("at desk 4"));

        // The queue's own changes and the overrides of its entries; not the joins and calls of the line moving.
        given().get("/queues/{q}/audit", queue.queueId).then().statusCode(200)
                .body("eventType", equalTo(List.of("QueueCreated", "EntryPriorityChanged", "QueuePaused")))
                .body("[0].entryId", nullValue()).body("[1].entryId", equalTo("bob"))
                .body("[2].status", equalTo("PAUSED")).body("[2].detail", equalTo("lunch"));
        var first = given().get("/queues/{q}/audit?limit=2", queue.queueId);
        first.then().statusCode(200).body("$", hasSize(2));
        given().get(Links.next(first)).then().statusCode(200)
                .body("eventType", equalTo(List.of("QueuePaused")));
    }
}
