package io.ledgerline.command.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.ledgerline.access.Role;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import ledgerline.queue.v1.EntryJoined;
import ledgerline.queue.v1.QueueEventEnvelope;
import org.junit.jupiter.api.Test;

/**
 * A person joins a public queue without any credential and gets a ticket for their entry alone, signed with the keys
 * the service publishes; a queue that is not public wants a token; joins over a client's limit are answered 429.
 */
@QuarkusIntegrationTest
class TicketsIT {

    private final String run = "tkt" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void anyone_joins_a_public_queue_and_the_ticket_reads_and_leaves_with_that_entry_only() throws Exception {
        String sale = run + "-sale";
        create(sale, "{\"publicJoins\":true}");
        create(run + "-clinic", "{}");

        anyone().body("{}").post("/queues/{q}/entries", run + "-clinic").then().statusCode(401)
                .contentType("application/problem+json").body("reason", equalTo("TOKEN_REQUIRED"));
        anyone().body("{\"entryId\":\"chosen\"}").post("/queues/{q}/entries", sale).then().statusCode(400)
                .contentType("application/problem+json");

        Response joined = anyone().body("{\"priority\":\"NORMAL\"}").post("/queues/{q}/entries", sale);
        joined.then().statusCode(201);
        String entry = joined.path("entryId");
        String ticket = joined.path("ticket");
        JsonPath claims = claims(ticket);
        assertThat(claims.getString("sub")).isEqualTo("ticket:" + sale + "/" + entry);
        assertThat(claims.getList("groups")).containsExactly("ticket");
        assertThat(claims.getList("queues")).containsExactly(sale);
        assertThat(claims.getString("entry")).isEqualTo(entry);
        assertThat(claims.getLong("exp")).isGreaterThan(claims.getLong("iat"));
        assertThat(verifiesWithThePublishedKeys(ticket)).isTrue();

        // The audit trail names the public, not the address or anything the request says.
        List<QueueEventEnvelope> events = TopicProbe.readAvro(TopicProbe.topic("events"), sale,
                found -> found.stream().anyMatch(e -> e.getPayload() instanceof EntryJoined), Duration.ofSeconds(20));
        assertThat(events.stream().filter(e -> e.getPayload() instanceof EntryJoined).findFirst().orElseThrow()
                .getActor()).isEqualTo("public");

        // Staff join without a ticket in the answer (signing costs), and ask for one to hand on.
        Response other = given().contentType(ContentType.JSON).body("{\"entryId\":\"other\"}")
                .post("/queues/{q}/entries", sale);
        other.then().statusCode(201);
        assertThat(other.<String>path("ticket")).isNull();
        String handedOn = given().post("/queues/{q}/entries/{e}/ticket", sale, "other").then().statusCode(200)
                .extract().path("ticket");
        assertThat(claims(handedOn).getString("entry")).isEqualTo("other");
        holding(ticket).post("/queues/{q}/entries/{e}/ticket", sale, entry).then().statusCode(403);

        // The ticket may leave with its own entry and do nothing else.
        holding(ticket).body("{}").post("/queues/{q}/call-next", sale).then().statusCode(403)
                .body("reason", equalTo("FORBIDDEN"));
        holding(ticket).body("{}").post("/queues/{q}/entries", sale).then().statusCode(403);
        holding(ticket).delete("/queues/{q}/entries/{e}", sale, "other").then().statusCode(403);
        holding(ticket).delete("/queues/{q}/entries/{e}", run + "-clinic", entry).then().statusCode(403);
        holding(ticket).delete("/queues/{q}/entries/{e}", sale, entry).then().statusCode(200);
    }

    @Test
    void joins_over_a_clients_limit_are_answered_429_with_when_to_retry() throws InterruptedException {
        // The %test profile limits people to 3 joins in 10 s on this queue; staff are not limited.
        String sale = "it-rate-limited-sale";
        given().contentType(ContentType.JSON).body("{\"queueId\":\"" + sale + "\",\"name\":\"Sale\",\"capacity\":1000000,"
                + "\"settings\":{\"publicJoins\":true}}").post("/queues");
        given().contentType(ContentType.JSON).body("{\"name\":\"Sale\",\"capacity\":1000000,"
                + "\"settings\":{\"publicJoins\":true}}").put("/queues/{q}", sale).then().statusCode(200);
        Response refused = null;
        for (int i = 0; i < 5 && refused == null; i++) {
            Response answer = anyone().body("{}").post("/queues/{q}/entries", sale);
            if (answer.statusCode() == 429) {
                refused = answer;
            } else {
                assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(201);
            }
        }
        assertThat(refused).as("a fourth join within the window is refused").isNotNull();
        refused.then().contentType("application/problem+json").body("reason", equalTo("RATE_LIMITED"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 20L);
        given().contentType(ContentType.JSON).body("{}").post("/queues/{q}/entries", sale).then().statusCode(201);

        Thread.sleep(Duration.ofSeconds(retryAfter).toMillis() + 200);
        anyone().body("{}").post("/queues/{q}/entries", sale).then().statusCode(201);
    }

    private static void create(String queueId, String settings) {
        given().contentType(ContentType.JSON).body("{\"queueId\":\"" + queueId + "\",\"name\":\"Q\",\"capacity\":100,"
                + "\"settings\":" + settings + "}").post("/queues").then().statusCode(201);
    }

    private static io.restassured.specification.RequestSpecification anyone() {
        return given().header("Authorization", "none").contentType(ContentType.JSON);
    }

    private static io.restassured.specification.RequestSpecification holding(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    private static JsonPath claims(String token) {
        return new JsonPath(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    /** As a shop would: the key from the JWKS endpoint (no credential needed), named by the token's kid. */
    static boolean verifiesWithThePublishedKeys(String token) throws Exception {
        JsonPath jwks = anyone().get("/.well-known/jwks.json").then().statusCode(200).extract().jsonPath();
        String kid = new JsonPath(new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]),
                StandardCharsets.UTF_8)).getString("kid");
        assertThat(jwks.getString("keys[0].kid")).isEqualTo(kid);
        var key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(jwks.getString("keys[0].n"))),
                new BigInteger(1, Base64.getUrlDecoder().decode(jwks.getString("keys[0].e")))));
        String[] parts = token.split("\\.");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key);
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return rsa.verify(Base64.getUrlDecoder().decode(parts[2]));
    }
}
