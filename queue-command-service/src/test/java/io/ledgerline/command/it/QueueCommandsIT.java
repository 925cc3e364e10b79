package io.ledgerline.command.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.UUID;
import ledgerline.queue.v1.EntryCalled;
import ledgerline.queue.v1.EntryJoined;
import ledgerline.queue.v1.QueueCreated;
import ledgerline.queue.v1.QueueEventEnvelope;
import org.junit.jupiter.api.Test;

/** The REST command path against the real broker and registry: every call goes through the commands topic. */
@QuarkusIntegrationTest
class QueueCommandsIT {

    private final String queue = "it-" + UUID.randomUUID();

    @Test
    void calls_by_strict_priority_then_arrival_and_honours_pause() {
        create(queue, 10).statusCode(201).body("sequence", equalTo(1));
        join(queue, "ann", "NORMAL").statusCode(201).body("entryId", equalTo("ann")).body("sequence", equalTo(2));
        join(queue, "bob", "URGENT").statusCode(201);
        join(queue, "cyd", "LOW").statusCode(201);
        join(queue, "dan", "HIGH").statusCode(201);
        join(queue, "eve", "normal").statusCode(201);

        callNext(queue).statusCode(200).body("entryId", equalTo("bob"));
        callNext(queue).statusCode(200).body("entryId", equalTo("dan"));
        given().when().delete("/queues/{q}/entries/{e}", queue, "ann").then().statusCode(200);
        callNext(queue).statusCode(200).body("entryId", equalTo("eve"));

        post("/queues/{q}/pause", queue).statusCode(200);
        problem(callNext(queue), 409, "QUEUE_PAUSED");
        post("/queues/{q}/resume", queue).statusCode(200);
        callNext(queue).statusCode(200).body("entryId", equalTo("cyd"));
        problem(callNext(queue), 409, "QUEUE_EMPTY");

        post("/queues/{q}/entries/{e}/complete", queue, "bob").statusCode(200).body("entryId", equalTo("bob"));
        // Finished entries leave the queue's state: completing one again finds nothing to complete.
        problem(post("/queues/{q}/entries/{e}/complete", queue, "bob"), 404, "ENTRY_NOT_FOUND");
        join(queue, "fay", "LOW").statusCode(201);
        problem(post("/queues/{q}/entries/{e}/complete", queue, "fay"), 409, "ENTRY_NOT_CALLED");
    }

    @Test
    void operations_close_open_and_emergency_stop_a_queue() {
        create(queue, 10).statusCode(201);
        post("/queues/{q}/close", queue).statusCode(200);
        problem(join(queue, "ann", "NORMAL"), 409, "QUEUE_CLOSED");
        post("/queues/{q}/open", queue).statusCode(200);
        join(queue, "ann", "NORMAL").statusCode(201);

        problem(given().contentType(ContentType.JSON).body("{}").when()
                .post("/queues/{q}/emergency-stop", queue).then(), 400, "INVALID_REQUEST");
        given().contentType(ContentType.JSON).body("{\"reason\":\"fire alarm\"}")
                .when().post("/queues/{q}/emergency-stop", queue).then().statusCode(200);
        problem(callNext(queue), 409, "QUEUE_EMERGENCY_STOPPED");
        post("/queues/{q}/resume", queue).statusCode(200);
        callNext(queue).statusCode(200).body("entryId", equalTo("ann"));
        problem(post("/queues/{q}/wake", queue), 400, "INVALID_COMMAND");
    }

    @Test
    void staff_requeue_or_mark_a_called_entry_as_no_show() {
        create(queue, 10).statusCode(201);
        join(queue, "ann", "NORMAL").statusCode(201);
        join(queue, "bob", "NORMAL").statusCode(201);
        callNext(queue).statusCode(200).body("entryId", equalTo("ann"));
        problem(post("/queues/{q}/entries/{e}/requeue", queue, "bob"), 409, "ENTRY_NOT_CALLED");

        post("/queues/{q}/entries/{e}/requeue", queue, "ann").statusCode(200).body("entryId", equalTo("ann"));
        callNext(queue).statusCode(200).body("entryId", equalTo("ann"));
        post("/queues/{q}/entries/{e}/no-show", queue, "ann").statusCode(200);
        problem(post("/queues/{q}/entries/{e}/complete", queue, "ann"), 404, "ENTRY_NOT_FOUND");
        callNext(queue).statusCode(200).body("entryId", equalTo("bob"));
    }

    @Test
    void bad_requests_and_broken_rules_are_problems_with_a_reason() {
        create(queue, 2).statusCode(201);
        problem(create(queue, 2), 409, "QUEUE_ALREADY_EXISTS");
        join(queue, "ann", "HIGH").statusCode(201);
        problem(join(queue, "ann", "HIGH"), 409, "DUPLICATE_ENTRY");
        join(queue, "bob", "HIGH").statusCode(201);
        problem(join(queue, "cyd", "HIGH"), 409, "QUEUE_FULL");

        problem(join(queue, "zed", "SOON"), 400, "INVALID_REQUEST");
        problem(given().contentType(ContentType.JSON).body("{\"queueId\": ").when().post("/queues").then(),
                400, "MALFORMED_REQUEST");
        problem(given().contentType(ContentType.JSON).body("{\"queueId\":\"x y\",\"name\":\"n\",\"capacity\":1}")
                .when().post("/queues").then(), 400, "INVALID_REQUEST");
        problem(create("cap-" + UUID.randomUUID(), 0), 400, "INVALID_REQUEST");
        problem(callNext("missing-" + UUID.randomUUID()), 404, "QUEUE_NOT_FOUND");
        problem(post("/queues/{q}/entries/{e}/complete", queue, "nobody"), 404, "ENTRY_NOT_FOUND");
    }

    @Test
    void bodies_of_the_wrong_shape_and_impossible_times_are_problems_too() {
        create(queue, 2).statusCode(201);
        problem(given().contentType(ContentType.JSON).body("[]").when().post("/queues/{q}/entries", queue).then(),
                400, "MALFORMED_REQUEST");
        problem(given().contentType(ContentType.JSON).body("{\"until\":\"tomorrow\"}")
                .when().post("/queues/{q}/sleep", queue).then(), 400, "MALFORMED_REQUEST");
        problem(given().contentType(ContentType.JSON).body("{\"until\":\"1970-01-01T00:00:00Z\"}")
                .when().post("/queues/{q}/sleep", queue).then(), 400, "INVALID_REQUEST");
        problem(join(queue, "e".repeat(129), "HIGH"), 400, "INVALID_REQUEST");
        problem(given().contentType(ContentType.JSON).header("Idempotency-Key", "k".repeat(129))
                .body("{}").when().post("/queues/{q}/entries", queue).then(), 400, "INVALID_REQUEST");
        given().when().get("/queues/{q}/entries", queue).then().statusCode(405)
                .contentType("application/problem+json").body("type", equalTo("urn:ledgerline:problem:method-not-allowed"));
    }

    @Test
    void events_land_on_the_log_numbered_one_to_n_with_their_cause() {
        create(queue, 10).statusCode(201);
        String joinCommand = join(queue, "ann", "HIGH").statusCode(201).extract().path("commandId");
        callNext(queue).statusCode(200);

        var events = TopicProbe.<QueueEventEnvelope>readAvro(TopicProbe.topic("events"), queue,
                found -> found.size() >= 3, Duration.ofSeconds(20));

        assertThat(events).extracting(QueueEventEnvelope::getSequence).containsExactly(1L, 2L, 3L);
        assertThat(events.get(0).getPayload()).isInstanceOf(QueueCreated.class);
        assertThat(events.get(1).getPayload()).isInstanceOf(EntryJoined.class);
        assertThat(events.get(2).getPayload()).isInstanceOf(EntryCalled.class);
        assertThat(events.get(1).getCausationCommandId()).isEqualTo(joinCommand);
        assertThat(events).allSatisfy(e -> assertThat(e.getQueueId()).isEqualTo(queue));
    }

    @Test
    void a_queue_with_settings_numbers_its_entries_and_says_which_counter_calls() {
        given().contentType(ContentType.JSON).body("{\"queueId\":\"" + queue + "\",\"name\":\"Desk A\",\"capacity\":10,"
                        + "\"settings\":{\"tags\":[\"critical\",\"north\"],\"ticketPrefix\":\"A\",\"maxConcurrent\":1,"
                        + "\"serviceTime\":\"PT6M\",\"retry\":{\"delays\":[\"PT2S\"],\"maxRetries\":3}}}")
                .when().post("/queues").then().statusCode(201);
        join(queue, "ann", "NORMAL").statusCode(201).body("entryNumber", equalTo("A-001"));
        join(queue, "bob", "NORMAL").statusCode(201).body("entryNumber", equalTo("A-002"));

        given().contentType(ContentType.JSON).body("{\"counter\":\"desk 4\"}").when()
                .post("/queues/{q}/call-next", queue).then().statusCode(200)
                .body("entryId", equalTo("ann")).body("entryNumber", equalTo("A-001"));
        problem(callNext(queue), 409, "MAX_CONCURRENT_REACHED");
        post("/queues/{q}/entries/{e}/complete", queue, "ann").statusCode(200).body("entryNumber", equalTo("A-001"));
        callNext(queue).statusCode(200).body("entryNumber", equalTo("A-002"));

        var events = TopicProbe.<QueueEventEnvelope>readAvro(TopicProbe.topic("events"), queue,
                found -> found.size() >= 6, Duration.ofSeconds(20));
        assertThat(((QueueCreated) events.get(0).getPayload()).getSettings().getTags())
                .containsExactly("critical", "north");
        assertThat(events).extracting(QueueEventEnvelope::getPayload).filteredOn(EntryCalled.class::isInstance)
                .map(EntryCalled.class::cast).extracting(EntryCalled::getNumber, EntryCalled::getCounter)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A-001", "desk 4"),
                        org.assertj.core.groups.Tuple.tuple("A-002", null));
    }

    @Test
    void a_calendar_refuses_calls_outside_its_hours_and_lets_people_join_meanwhile() {
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        String tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
        String everyDay = "{\"MONDAY\":[\"00:00-24:00\"],\"TUESDAY\":[\"00:00-24:00\"],\"WEDNESDAY\":[\"00:00-24:00\"],"
                + "\"THURSDAY\":[\"00:00-24:00\"],\"FRIDAY\":[\"00:00-24:00\"],\"SATURDAY\":[\"00:00-24:00\"],"
                + "\"SUNDAY\":[\"00:00-24:00\"]}";
        given().contentType(ContentType.JSON).body("{\"queueId\":\"" + queue + "\",\"name\":\"Holiday desk\",\"capacity\":10,"
                        + "\"settings\":{\"calendar\":{\"zone\":\"UTC\",\"hours\":" + everyDay + ",\"holidays\":[\"" + today
                        + "\",\"" + tomorrow + "\"],\"joinsWhileClosed\":true}}}")
                .when().post("/queues").then().statusCode(201);
        join(queue, "ann", "NORMAL").statusCode(201);
        problem(callNext(queue), 409, "OUTSIDE_HOURS");

        // the same hours (all day, to midnight) without the holidays: open now
        given().contentType(ContentType.JSON).body("{\"name\":\"Holiday desk\",\"capacity\":10,\"settings\":{\"calendar\":"
                        + "{\"zone\":\"UTC\",\"hours\":" + everyDay + "}}}")
                .when().put("/queues/{q}", queue).then().statusCode(200);
        callNext(queue).statusCode(200).body("entryId", equalTo("ann"));
        problem(given().contentType(ContentType.JSON).body("{\"name\":\"n\",\"capacity\":10,\"settings\":{\"calendar\":"
                + "{\"zone\":\"Mars/Olympus\",\"hours\":" + everyDay + "}}}").when().put("/queues/{q}", queue).then(),
                400, "INVALID_REQUEST");
        problem(given().contentType(ContentType.JSON).body("{\"name\":\"n\",\"capacity\":10,\"settings\":{\"calendar\":"
                + "{\"zone\":\"UTC\",\"hours\":{\"FUNDAY\":[\"09:00-17:00\"]}}}}").when().put("/queues/{q}", queue).then(),
                400, "INVALID_REQUEST");
    }

    @Test
    void a_batch_of_joins_is_accepted_whole_with_its_details_or_refused_whole() {
        given().contentType(ContentType.JSON).body("{\"queueId\":\"" + queue + "\",\"name\":\"Dialer\",\"capacity\":3,"
                + "\"settings\":{\"ticketPrefix\":\"L\"}}").when().post("/queues").then().statusCode(201);
        String batch = "{\"entries\":[{\"entryId\":\"lead-1\",\"type\":\"callback\",\"externalRef\":\"CRM 88\","
                + "\"personRef\":\"p-1\",\"metadata\":{\"timezone\":\"Europe/Paris\"}},{\"priority\":\"HIGH\"}]}";
        given().contentType(ContentType.JSON).header("Idempotency-Key", "batch-" + queue).body(batch)
                .when().post("/queues/{q}/entries/batch", queue).then().statusCode(201)
                .body("entryIds[0]", equalTo("lead-1")).body("entryIds.size()", equalTo(2))
                .body("firstEntryNumber", equalTo("L-001"));
        // the same key and body again: the same answer, nothing appended twice
        given().contentType(ContentType.JSON).header("Idempotency-Key", "batch-" + queue).body(batch)
                .when().post("/queues/{q}/entries/batch", queue).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("entryIds.size()", equalTo(2));
        // two more would pass the capacity of 3: neither joins
        problem(given().contentType(ContentType.JSON).body("{\"entries\":[{\"entryId\":\"c\"},{\"entryId\":\"d\"}]}")
                .when().post("/queues/{q}/entries/batch", queue).then(), 409, "QUEUE_FULL");
        problem(given().contentType(ContentType.JSON).body("{\"entries\":[]}")
                .when().post("/queues/{q}/entries/batch", queue).then(), 400, "INVALID_REQUEST");
        join(queue, "c", "NORMAL").statusCode(201).body("entryNumber", equalTo("L-003"));

        var events = TopicProbe.<QueueEventEnvelope>readAvro(TopicProbe.topic("events"), queue,
                found -> found.size() >= 4, Duration.ofSeconds(20));
        assertThat(events).hasSize(4);
        EntryJoined first = (EntryJoined) events.get(1).getPayload();
        assertThat(first.getNumber()).isEqualTo("L-001");
        assertThat(first.getType()).isEqualTo("callback");
        assertThat(first.getExternalRef()).isEqualTo("CRM 88");
        assertThat(first.getPersonRef()).isEqualTo("p-1");
        assertThat(first.getMetadata()).containsEntry("timezone", "Europe/Paris");
        assertThat(((EntryJoined) events.get(2).getPayload()).getPriority()).hasToString("HIGH");
        assertThat(events.get(1).getCausationCommandId()).isEqualTo(events.get(2).getCausationCommandId());
    }

    @Test
    void a_full_queue_sends_a_join_on_to_its_overflow_queue_wherever_that_queue_lives() {
        String overflow = queue + "-b";
        create(overflow, 10).statusCode(201);
        given().contentType(ContentType.JSON).body("{\"queueId\":\"" + queue + "\",\"name\":\"Desk A\",\"capacity\":1,"
                + "\"settings\":{\"overflowTo\":\"" + overflow + "\"}}").when().post("/queues").then().statusCode(201);
        join(queue, "ann", "NORMAL").statusCode(201).body("redirectedFrom", org.hamcrest.Matchers.nullValue());
        String commandId = join(queue, "bob", "HIGH").statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/queues/" + overflow + "/entries/bob"))
                .body("queueId", equalTo(overflow)).body("redirectedFrom", equalTo(queue))
                .body("entryNumber", equalTo("001"))
                .extract().path("commandId");

        var there = TopicProbe.<QueueEventEnvelope>readAvro(TopicProbe.topic("events"), overflow,
                found -> found.size() >= 2, Duration.ofSeconds(20));
        EntryJoined bob = (EntryJoined) there.get(1).getPayload();
        assertThat(bob.getEntryId()).isEqualTo("bob");
        assertThat(bob.getPriority()).hasToString("HIGH");
        assertThat(there.get(1).getCausationCommandId()).isEqualTo(commandId + ".overflow.bob");
        var here = TopicProbe.<QueueEventEnvelope>readAvro(TopicProbe.topic("events"), queue,
                found -> found.size() >= 3, Duration.ofSeconds(20));
        assertThat(here.get(2).getPayload()).isInstanceOf(ledgerline.queue.v1.EntryOverflowed.class);

        // the overflow queue full too: the join stands nowhere, and the answer says so
        given().contentType(ContentType.JSON).body("{\"name\":\"B\",\"capacity\":1}").when()
                .put("/queues/{q}", overflow).then().statusCode(200);
        problem(join(queue, "cyd", "NORMAL"), 409, "QUEUE_FULL");
        problem(given().contentType(ContentType.JSON).body("{\"name\":\"n\",\"capacity\":1,\"settings\":{\"overflowTo\":\""
                + queue + "\"}}").when().put("/queues/{q}", queue).then(), 400, "INVALID_REQUEST");
    }

    @Test
    void settings_out_of_their_limits_are_problems() {
        for (String settings : new String[] {"{\"tags\":[\"a b\"]}", "{\"ticketPrefix\":\"A-\"}",
                "{\"maxConcurrent\":11}", "{\"retry\":{\"delays\":[]}}", "{\"retry\":{\"delays\":[null]}}"}) {
            problem(given().contentType(ContentType.JSON).body("{\"queueId\":\"" + queue + "\",\"name\":\"n\","
                    + "\"capacity\":10,\"settings\":" + settings + "}").when().post("/queues").then(), 400, "INVALID_REQUEST");
        }
        problem(given().contentType(ContentType.JSON).body("{\"queueId\":\"" + queue + "\",\"name\":\"n\","
                + "\"capacity\":10,\"settings\":{\"serviceTime\":\"soon\"}}").when().post("/queues").then(),
                400, "MALFORMED_REQUEST");
    }

    static ValidatableResponse create(String queueId, int capacity) {
        return given().contentType(ContentType.JSON)
                .body("{\"queueId\":\"" + queueId + "\",\"name\":\"Clinic " + queueId + "\",\"capacity\":" + capacity + "}")
                .when().post("/queues").then();
    }

    static ValidatableResponse join(String queueId, String entryId, String priority) {
        return given().contentType(ContentType.JSON)
                .body("{\"entryId\":\"" + entryId + "\",\"priority\":\"" + priority + "\"}")
                .when().post("/queues/{q}/entries", queueId).then();
    }

    static ValidatableResponse callNext(String queueId) {
        return post("/queues/{q}/call-next", queueId);
    }

    static ValidatableResponse post(String path, Object... params) {
        return given().contentType(ContentType.JSON).when().post(path, params).then();
    }

    static void problem(ValidatableResponse response, int status, String reason) {
        response.statusCode(status)
                .contentType("application/problem+json")
                .body("reason", equalTo(reason))
                .body("status", equalTo(status))
                .body("detail", notNullValue());
    }
}
