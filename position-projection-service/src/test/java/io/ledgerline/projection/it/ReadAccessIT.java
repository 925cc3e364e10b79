package io.ledgerline.projection.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.ledgerline.access.Role;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reads need a token that may read the queue; the projection's admin needs an admin token. */
@QuarkusTest
class ReadAccessIT {

    @Test
    void a_queue_is_read_with_a_token_that_may_read_it_and_refused_otherwise() {
        QueueScript queue = new QueueScript();
        TestKafka.send(queue.created("Read access", 5), queue.joined("ann", ledgerline.queue.v1.Priority.NORMAL));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/queues/{q}", queue.queueId)
                .then().statusCode(200).body("lastSequence", equalTo((int) queue.lastSequence())));

        read("none", "/queues/{q}", queue.queueId).statusCode(401).body("reason", equalTo("UNAUTHENTICATED"))
                .header("WWW-Authenticate", "Bearer");
        read(bearer(Role.VIEWER, null), "/queues/{q}/entries/ann", queue.queueId).statusCode(200)
                .body("status", equalTo("WAITING"));
        read(bearer(Role.WORKER, List.of(queue.queueId)), "/queues/{q}/entries", queue.queueId).statusCode(200);
        read(bearer(Role.WORKER, List.of("elsewhere")), "/queues/{q}", queue.queueId).statusCode(403)
                .body("reason", equalTo("FORBIDDEN"));
        read(bearer(Role.OPERATOR, List.of(queue.queueId)), "/queue-groups/{g}", "any-group").statusCode(403);
        read(bearer(Role.INTEGRATOR, null), "/queue-groups/{g}", "any-group").statusCode(200);
        read("Bearer not-a-token", "/queues/{q}", queue.queueId).statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", bearer(Role.OPERATOR, null)).when().post("/admin/rebuild").then()
                .statusCode(403).body("reason", equalTo("FORBIDDEN"));
    }

    @Test
    void a_ticket_reads_its_own_entry_and_nothing_else_and_a_person_reading_too_often_is_told_when_to_retry()
            throws Exception {
        QueueScript queue = new QueueScript();
        TestKafka.send(queue.created("Tickets", 5), queue.joined("ann", ledgerline.queue.v1.Priority.NORMAL),
                queue.joined("bob", ledgerline.queue.v1.Priority.NORMAL));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/queues/{q}", queue.queueId)
                .then().statusCode(200).body("lastSequence", equalTo((int) queue.lastSequence())));
        java.time.Instant now = java.time.Instant.now();
        String bob = "Bearer " + io.ledgerline.access.TokenIssuer.local().ticket(queue.queueId, "bob",
                now.plusSeconds(600), now);

        read(bob, "/queues/{q}/entries/bob", queue.queueId).statusCode(200).body("position", equalTo(2));
        read(bob, "/queues/{q}/entries/ann", queue.queueId).statusCode(403).body("reason", equalTo("FORBIDDEN"));
        read(bob, "/queues/{q}/entries", queue.queueId).statusCode(403);
        read(bob, "/queues/{q}", queue.queueId).statusCode(403);

        // The %test profile lets a person make 8 reads in 10 s (the four above counted); staff are not limited.
        for (int i = 0; i < 4; i++) {
            read(bob, "/queues/{q}/entries/bob", queue.queueId).statusCode(200);
        }
        var refused = read(bob, "/queues/{q}/entries/bob", queue.queueId).statusCode(429)
                .contentType("application/problem+json").body("reason", equalTo("RATE_LIMITED"));
        org.assertj.core.api.Assertions.assertThat(Long.parseLong(refused.extract().header("Retry-After")))
                .isBetween(1L, 20L);
        read(bearer(Role.VIEWER, null), "/queues/{q}/entries/bob", queue.queueId).statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse read(String authorization, String path, String id) {
        return given().header("Authorization", authorization).when().get(path, id).then();
    }

    private static String bearer(Role role, List<String> queues) {
        return "Bearer " + AdminTokenForRestAssured.token(role, queues);
    }
}
