package io.ledgerline.projection.it;

import static io.restassured.RestAssured.when;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import ledgerline.queue.v1.Priority;

/**
 * A gap stops the projection for good, so this runs in its own application (profile) on its own events topic:
 * the other tests keep a live consumer, and the shared test topic never holds a gap.
 */
@QuarkusTest
@TestProfile(OwnEventsTopicProfile.class)
class SequenceGapIT {

    @Test
    void aGapStopsTheProjectionAndTurnsReadinessDown() {
        when().get("/q/health/ready").then().statusCode(200);
        QueueScript queue = new QueueScript();
        TestKafka.send(queue.created("Gappy", 5), queue.joined("a", Priority.NORMAL));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> when().get("/queues/{q}", queue.queueId)
                .then().statusCode(200).body("lastSequence", equalTo(2)));

        queue.lose();
        TestKafka.send(queue.joined("b", Priority.NORMAL), queue.joined("c", Priority.NORMAL));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> when().get("/q/health/ready").then()
                .statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'position-projection' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'position-projection' }.data.stoppedOnGap",
                        containsString("queue " + queue.queueId + ": expected 3, got 4")));
        // Nothing after the gap was applied.
        when().get("/queues/{q}", queue.queueId).then().body("lastSequence", equalTo(2))
                .body("waitingCount", equalTo(1));
        when().get("/queues/{q}/entries/c", queue.queueId).then().statusCode(404);
    }
}
