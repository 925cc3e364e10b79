package io.ledgerline.command.it;

import static io.ledgerline.command.it.QueueCommandsIT.callNext;
import static io.ledgerline.command.it.QueueCommandsIT.create;
import static io.ledgerline.command.it.QueueCommandsIT.join;
import static io.ledgerline.command.it.QueueCommandsIT.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import ledgerline.queue.v1.CommandAccepted;
import ledgerline.queue.v1.CommandRejected;
import ledgerline.queue.v1.CommandResult;
import ledgerline.queue.v1.CreateQueue;
import ledgerline.queue.v1.JoinQueue;
import ledgerline.queue.v1.Priority;
import ledgerline.queue.v1.QueueCommandEnvelope;
import ledgerline.queue.v1.QueueEventEnvelope;
import org.junit.jupiter.api.Test;

/**
 * An Idempotency-Key names one command on one queue: a retry gets the first outcome back, accepted or rejected, and
 * changes nothing; another request under the same key is a 422; the same key on another queue is another command.
 */
@QuarkusIntegrationTest
class IdempotencyIT {

    private final String queue = "it-key-" + UUID.randomUUID();

    @Test
    void one_key_on_two_queues_at_the_same_moment_names_two_commands_and_each_caller_gets_its_own() throws Exception {
        String other = queue + "-b";
        create(queue, 100).statusCode(201);
        create(other, 100).statusCode(201);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int pair = 0; pair < 10; pair++) {
                String key = "shared-" + pair + "-" + UUID.randomUUID();
                String a = "a" + pair;
                String b = "b" + pair;
                var first = CompletableFuture.supplyAsync(() -> joinWithKey(queue, a, key), pool);
                var second = CompletableFuture.supplyAsync(() -> joinWithKey(other, b, key), pool);
                assertThat(first.get().<String>path("entryId")).isEqualTo(a);
                assertThat(first.get().<String>path("queueId")).isEqualTo(queue);
                assertThat(second.get().<String>path("entryId")).isEqualTo(b);
                assertThat(second.get().<String>path("queueId")).isEqualTo(other);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_retry_gets_the_first_outcome_and_changes_nothing() {
        create(queue, 10).statusCode(201);
        String key = "join-" + UUID.randomUUID();
        int first = joinWithKey(queue, "ann", key).<Integer>path("sequence");

        withKey(key).body("{\"entryId\":\"ann\",\"priority\":\"HIGH\"}").when().post("/queues/{q}/entries", queue)
                .then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("sequence", equalTo(first)).body("commandId", equalTo(key));

        join(queue, "bob", "LOW").statusCode(201).body("sequence", equalTo(first + 1));
    }

    @Test
    void a_rejection_is_remembered_too_so_a_retry_cannot_turn_a_409_into_a_201() {
        create(queue, 1).statusCode(201);
        join(queue, "ann", "NORMAL").statusCode(201);
        String key = "late-" + UUID.randomUUID();
        problem(withKey(key).body("{\"entryId\":\"bob\"}").when().post("/queues/{q}/entries", queue).then(),
                409, "QUEUE_FULL");
        given().when().delete("/queues/{q}/entries/{e}", queue, "ann").then().statusCode(200);

        problem(withKey(key).body("{\"entryId\":\"bob\"}").when().post("/queues/{q}/entries", queue).then(),
                409, "QUEUE_FULL");
        join(queue, "cyd", "NORMAL").statusCode(201);
    }

    @Test
    void the_same_key_with_another_request_is_refused_with_422() {
        create(queue, 10).statusCode(201);
        String key = "reused-" + UUID.randomUUID();
        joinWithKey(queue, "ann", key);

        problem(withKey(key).body("{\"entryId\":\"ann\",\"priority\":\"LOW\"}")
                .when().post("/queues/{q}/entries", queue).then(), 422, "IDEMPOTENCY_KEY_REUSED");
        problem(withKey(key).when().post("/queues/{q}/call-next", queue).then(), 422, "IDEMPOTENCY_KEY_REUSED");
        callNext(queue).statusCode(200).body("entryId", equalTo("ann"));
    }

    @Test
    void a_retried_join_without_an_entry_id_names_the_same_entry() {
        create(queue, 10).statusCode(201);
        String key = "anon-" + UUID.randomUUID();
        ExtractableResponse<Response> first = withKey(key).body("{}").when().post("/queues/{q}/entries", queue)
                .then().statusCode(201).extract();
        ExtractableResponse<Response> retry = withKey(key).body("{}").when().post("/queues/{q}/entries", queue)
                .then().statusCode(201).extract();

        assertThat(retry.header("Location")).isEqualTo(first.header("Location"))
                .endsWith("/entries/" + first.<String>path("entryId"));
        assertThat(retry.<String>path("entryId")).isEqualTo(first.path("entryId"));
    }

    @Test
    void a_retried_call_next_calls_one_person() {
        create(queue, 10).statusCode(201);
        join(queue, "ann", "NORMAL").statusCode(201);
        join(queue, "bob", "NORMAL").statusCode(201);
        String key = "call-" + UUID.randomUUID();

        withKey(key).when().post("/queues/{q}/call-next", queue).then().statusCode(200).body("entryId", equalTo("ann"));
        withKey(key).when().post("/queues/{q}/call-next", queue).then().statusCode(200).body("entryId", equalTo("ann"));

        callNext(queue).statusCode(200).body("entryId", equalTo("bob"));
    }

    @Test
    void records_on_the_topic_follow_the_same_rules() throws Exception {
        String commandId = "integrator-" + UUID.randomUUID();
        send("create-" + commandId, new CreateQueue("Back office", 5, null));
        send(commandId, new JoinQueue("job-1", Priority.HIGH, Instant.now(), null, null, null, null, java.util.Map.of(), null, null, false));
        send(commandId, new JoinQueue("job-1", Priority.HIGH, Instant.now().plusSeconds(5), null, null, null, null, java.util.Map.of(), null, null, false));
        send(commandId, new JoinQueue("job-2", Priority.HIGH, Instant.now(), null, null, null, null, java.util.Map.of(), null, null, false));

        List<CommandResult> results = TopicProbe.readAvro(TopicProbe.topic("results"), commandId,
                found -> found.size() >= 3, Duration.ofSeconds(20));
        assertThat(results.get(0).getRepeated()).isFalse();
        assertThat(results.get(0).getOutcome()).isInstanceOf(CommandAccepted.class);
        assertThat(results.get(1).getRepeated()).isTrue();
        assertThat(results.get(1).getOutcome()).isEqualTo(results.get(0).getOutcome());
        assertThat(results.get(2).getOutcome()).isInstanceOfSatisfying(CommandRejected.class,
                r -> assertThat(r.getReason()).isEqualTo("IDEMPOTENCY_KEY_REUSED"));
        List<QueueEventEnvelope> events = TopicProbe.readAvro(TopicProbe.topic("events"), queue,
                found -> found.size() >= 2, Duration.ofSeconds(20));
        assertThat(events).hasSize(2);
    }

    @Test
    void a_command_that_broke_a_field_rule_is_not_remembered_so_the_fixed_one_may_use_the_key() throws Exception {
        String commandId = "fixed-" + UUID.randomUUID();
        send("create-" + commandId, new CreateQueue("Back office", 5, null));
        send(commandId, new JoinQueue("x".repeat(300), Priority.HIGH, Instant.now(), null, null, null, null, java.util.Map.of(), null, null, false));
        send(commandId, new JoinQueue("job-1", Priority.HIGH, Instant.now(), null, null, null, null, java.util.Map.of(), null, null, false));

        List<CommandResult> results = TopicProbe.readAvro(TopicProbe.topic("results"), commandId,
                found -> found.size() >= 2, Duration.ofSeconds(20));
        assertThat(results.get(0).getOutcome()).isInstanceOfSatisfying(CommandRejected.class,
                r -> assertThat(r.getReason()).isEqualTo("INVALID_COMMAND"));
        assertThat(results.get(0).getDecidedAt()).isNull();
        assertThat(results.get(1).getOutcome()).isInstanceOf(CommandAccepted.class);
    }

    private static ExtractableResponse<Response> joinWithKey(String queueId, String entryId, String key) {
        return withKey(key).body("{\"entryId\":\"" + entryId + "\",\"priority\":\"HIGH\"}")
                .when().post("/queues/{q}/entries", queueId).then().statusCode(201).extract();
    }

    private static RequestSpecification withKey(String key) {
        return given().header("Idempotency-Key", key).contentType(ContentType.JSON);
    }

    private void send(String commandId, Object payload) throws Exception {
        TopicProbe.sendAvro(TopicProbe.topic("commands"), queue, QueueCommandEnvelope.newBuilder()
                .setCommandId(commandId).setQueueId(queue).setIssuedAt(Instant.now()).setActor("it:integrator")
                .setPayload(payload).build());
    }
}
