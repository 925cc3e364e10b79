package io.ledgerline.command.it;

import static io.ledgerline.command.it.QueueCommandsIT.callNext;
import static io.ledgerline.command.it.QueueCommandsIT.join;
import static io.ledgerline.command.it.QueueCommandsIT.post;
import static io.ledgerline.command.it.QueueCommandsIT.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import ledgerline.queue.v1.QueueEmergencyStopped;
import ledgerline.queue.v1.QueueEventEnvelope;
import org.junit.jupiter.api.Test;

/** Emergency stop and resume of every queue carrying some tags, across all partitions, through the real stack. */
@QuarkusIntegrationTest
class BulkControlIT {

    private final String run = "run" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void a_stop_by_tags_stops_every_matching_queue_reports_each_and_a_resume_lifts_it() {
        String north1 = run + "-north-1", north2 = run + "-north-2", stopped = run + "-stopped", south = run + "-south";
        create(north1, run, "critical");
        create(north2, run, "critical", "desk");
        create(stopped, run, "critical");
        create(south, run);
        given().contentType(ContentType.JSON).body("{\"reason\":\"earlier\"}")
                .when().post("/queues/{q}/emergency-stop", stopped).then().statusCode(200);
        join(north1, "ann", "NORMAL").statusCode(201);

        String key = run + "-stop";
        bulk("emergency-stop", key, "{\"tags\":[\"critical\",\"" + run + "\"],\"reason\":\"flood in the north\"}")
                .statusCode(200)
                .body("stopped", equalTo(List.of(north1, north2)))
                .body("alreadyStopped", equalTo(List.of(stopped)))
                .body("failed", equalTo(List.of()))
                .body("commandId", equalTo(key));
        problem(callNext(north1), 409, "QUEUE_EMERGENCY_STOPPED");
        callNext(south).statusCode(409).body("reason", equalTo("QUEUE_EMPTY")); // not selected: still open

        var events = TopicProbe.<QueueEventEnvelope>readAvro(TopicProbe.topic("events"), north1,
                found -> found.stream().anyMatch(e -> e.getPayload() instanceof QueueEmergencyStopped),
                Duration.ofSeconds(20));
        QueueEventEnvelope stop = events.get(events.size() - 1);
        assertThat(((QueueEmergencyStopped) stop.getPayload()).getReason()).isEqualTo("flood in the north");
        assertThat(stop.getCausationCommandId()).startsWith(key + ".p");

        // the same request again changes nothing and says so
        bulk("emergency-stop", key, "{\"tags\":[\"critical\",\"" + run + "\"],\"reason\":\"flood in the north\"}")
                .statusCode(200).body("stopped", equalTo(List.of()))
                .body("alreadyStopped", equalTo(List.of(north1, north2, stopped)));

        post("/queues/{q}/pause", south).statusCode(200);
        bulk("resume", null, "{\"tags\":[\"" + run + "\"]}").statusCode(200)
                .body("resumed", equalTo(List.of(north1, north2, stopped)))
                .body("notStopped", equalTo(List.of(south)));
        callNext(north1).statusCode(200).body("entryId", equalTo("ann"));
        problem(callNext(south), 409, "QUEUE_PAUSED"); // a pause is not an emergency stop: it stays
    }

    @Test
    void a_selector_without_tags_or_a_stop_without_reason_is_refused_before_anything_is_sent() {
        problem(bulk("emergency-stop", null, "{\"tags\":[],\"reason\":\"flood\"}"), 400, "INVALID_REQUEST");
        problem(bulk("emergency-stop", null, "{\"tags\":[\"critical\"]}"), 400, "INVALID_REQUEST");
        problem(bulk("resume", null, "{\"tags\":[\"a b\"]}"), 400, "INVALID_REQUEST");
        problem(bulk("resume", null, "{\"tags\":\"critical\"}"), 400, "MALFORMED_REQUEST");
    }

    private static void create(String queueId, String... tags) {
        given().contentType(ContentType.JSON).body("{\"queueId\":\"" + queueId + "\",\"name\":\"" + queueId
                        + "\",\"capacity\":10,\"settings\":{\"tags\":[\"" + String.join("\",\"", tags) + "\"]}}")
                .when().post("/queues").then().statusCode(201);
    }

    private static ValidatableResponse bulk(String action, String key, String body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.when().post("/queues/" + action).then();
    }
}
