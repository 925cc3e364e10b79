package io.ledgerline.command.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.ledgerline.access.Role;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import ledgerline.queue.v1.EntryJoined;
import ledgerline.queue.v1.QueueEventEnvelope;
import org.junit.jupiter.api.Test;

/**
 * Each role against each kind of endpoint, through the packaged service: what the matrix allows passes the check
 * (whatever the queue then says), what it does not is 403, no token 401, and the events name the token's subject.
 */
@QuarkusIntegrationTest
class AccessControlIT {

    private final String run = "acl" + UUID.randomUUID().toString().substring(0, 8);

    private record Call(String kind, String method, String path, String body) {}

    @Test
    void each_role_may_take_exactly_the_actions_of_its_row_on_its_queues() {
        String q = run + "-q";
        given().contentType(ContentType.JSON).body("{\"queueId\":\"" + q + "\",\"name\":\"Q\",\"capacity\":100}")
                .when().post("/queues").then().statusCode(201);
        List<Call> calls = List.of(
                new Call("administer", "POST", "/queues", "{\"queueId\":\"" + run + "-new-%s\",\"name\":\"N\",\"capacity\":5}"),
                new Call("operate", "POST", "/queues/" + q + "/pause", "{\"reason\":\"check\"}"),
                new Call("serve", "POST", "/queues/" + q + "/call-next", "{}"),
                new Call("join", "POST", "/queues/" + q + "/entries", "{}"));
        // role (and queue grant) -> the kinds of call it may make
        record Row(String who, String token, List<String> allowed) {}
        List<Row> rows = List.of(
                new Row("admin", AdminTokenForRestAssured.token(Role.ADMIN, null),
                        List.of("administer", "operate", "serve", "join")),
                new Row("operator", AdminTokenForRestAssured.token(Role.OPERATOR, null), List.of("operate", "serve", "join")),
                new Row("operator of its queue", AdminTokenForRestAssured.token(Role.OPERATOR, List.of(q)),
                        List.of("operate", "serve", "join")),
                new Row("operator of another queue", AdminTokenForRestAssured.token(Role.OPERATOR, List.of("elsewhere")),
                        List.of()),
                new Row("worker of its queue", AdminTokenForRestAssured.token(Role.WORKER, List.of(q)), List.of("serve")),
                new Row("worker of another queue", AdminTokenForRestAssured.token(Role.WORKER, List.of("elsewhere")),
                        List.of()),
                new Row("integrator", AdminTokenForRestAssured.token(Role.INTEGRATOR, null), List.of("join")),
                new Row("viewer", AdminTokenForRestAssured.token(Role.VIEWER, null), List.of()));
        List<String> wrong = new ArrayList<>();
        int n = 0;
        for (Row row : rows) {
            for (Call call : calls) {
                int status = given().header("Authorization", "Bearer " + row.token()).contentType(ContentType.JSON)
                        .body(call.body().formatted(n++)).when().request(call.method(), call.path()).then()
                        .extract().statusCode();
                boolean allowed = row.allowed().contains(call.kind());
                if (allowed ? status == 401 || status == 403 : status != 403) {
                    wrong.add(row.who() + " " + call.kind() + " -> " + status);
                }
            }
        }
        assertThat(wrong).as("answers against the role matrix").isEmpty();
    }

    @Test
    void no_token_is_401_a_forged_one_is_401_and_both_are_problems() {
        // (A join without a token is someone on a public link, which TicketsIT covers; calling next is staff's.)
        given().header("Authorization", "none").contentType(ContentType.JSON).body("{}")
                .when().post("/queues/{q}/call-next", run).then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                .body("reason", equalTo("UNAUTHENTICATED"));
        String admin = AdminTokenForRestAssured.admin();
        String forged = admin.substring(0, admin.lastIndexOf('.') + 1) + "AAAA" + admin.substring(admin.lastIndexOf('.') + 5);
        given().header("Authorization", "Bearer " + forged).contentType(ContentType.JSON).body("{}")
                .when().post("/queues/{q}/call-next", run).then().statusCode(401)
                .contentType("application/problem+json").body("reason", equalTo("UNAUTHENTICATED"));
        given().header("Authorization", "Bearer " + AdminTokenForRestAssured.token(Role.VIEWER, null))
                .contentType(ContentType.JSON).body("{}").when().post("/queues/{q}/entries", run).then()
                .statusCode(403).contentType("application/problem+json").body("reason", equalTo("FORBIDDEN"));
    }

    @Test
    void the_actor_in_the_events_is_the_tokens_subject_whatever_the_request_claims() {
        String q = run + "-audit";
        given().contentType(ContentType.JSON).body("{\"queueId\":\"" + q + "\",\"name\":\"Q\",\"capacity\":10}")
                .when().post("/queues").then().statusCode(201);
        given().header("Authorization", "Bearer " + AdminTokenForRestAssured.token(Role.INTEGRATOR, null))
                .header("X-Ledgerline-Actor", "someone-else").contentType(ContentType.JSON)
                .body("{\"entryId\":\"ann\"}").when().post("/queues/{q}/entries", q).then().statusCode(201);
        List<QueueEventEnvelope> events = TopicProbe.readAvro(TopicProbe.topic("events"), q,
                found -> found.stream().anyMatch(e -> e.getPayload() instanceof EntryJoined), Duration.ofSeconds(20));
        QueueEventEnvelope joined = events.stream().filter(e -> e.getPayload() instanceof EntryJoined).findFirst()
                .orElseThrow();
        assertThat(joined.getActor()).isEqualTo("it-integrator");
    }
}
