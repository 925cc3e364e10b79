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
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import ledgerline.queue.v1.EntryFailed;
import ledgerline.queue.v1.EntryReleased;
import ledgerline.queue.v1.QueueClosed;
import ledgerline.queue.v1.QueueEventEnvelope;
import ledgerline.queue.v1.QueueOpened;
import ledgerline.queue.v1.QueueWoken;
import org.junit.jupiter.api.Test;

/** What queues do by themselves as time passes, through the packaged service, the real broker and the registry. */
@QuarkusIntegrationTest
class TimersIT {

    private final String queue = "it-time-" + UUID.randomUUID();

    @Test
    void a_queue_put_to_sleep_for_three_seconds_wakes_by_itself_once() throws Exception {
        create(queue, 10).statusCode(201);
        join(queue, "ann", "NORMAL").statusCode(201);
        Instant until = Instant.now().plusSeconds(3);
        given().contentType(ContentType.JSON).body("{\"until\":\"" + until + "\"}")
                .when().post("/queues/{q}/sleep", queue).then().statusCode(200);
        problem(callNext(queue), 409, "QUEUE_SLEEPING");

        var woken = TopicProbe.<QueueEventEnvelope>readAvro(TopicProbe.topic("events"), queue,
                found -> found.stream().anyMatch(e -> e.getPayload() instanceof QueueWoken), Duration.ofSeconds(20));
        QueueEventEnvelope wake = woken.get(woken.size() - 1);
        assertThat(wake.getPayload()).isInstanceOf(QueueWoken.class);
        assertThat(wake.getActor()).isEqualTo("ledgerline:timer");
        assertThat(wake.getCausationCommandId()).isEqualTo("timer.wake." + until.toEpochMilli());
        assertThat(wake.getOccurredAt()).isAfterOrEqualTo(until.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));

        callNext(queue).statusCode(200).body("entryId", equalTo("ann"));
        Thread.sleep(1000); // a second firing, were there one, would have been decided by now
        var all = TopicProbe.<QueueEventEnvelope>readAvro(TopicProbe.topic("events"), queue,
                found -> found.size() >= 5, Duration.ofSeconds(20));
        assertThat(all).filteredOn(e -> e.getPayload() instanceof QueueWoken).hasSize(1);
    }

    @Test
    void a_failed_entry_comes_back_after_its_delay_and_ends_failed_after_its_last_retry() {
        given().contentType(ContentType.JSON).body("{\"queueId\":\"" + queue + "\",\"name\":\"Calls\",\"capacity\":10,"
                + "\"settings\":{\"retry\":{\"delays\":[\"PT2S\"],\"maxRetries\":1}}}").when().post("/queues").then()
                .statusCode(201);
        join(queue, "ann", "NORMAL").statusCode(201);
        callNext(queue).statusCode(200).body("entryId", equalTo("ann"));
        problem(QueueCommandsIT.post("/queues/{q}/entries/{e}/fail", queue, "ann"), 400, "INVALID_REQUEST");
        fail("ann", "no answer").statusCode(200);
        problem(callNext(queue), 409, "QUEUE_EMPTY"); // held for two seconds

        var events = eventsUntil(found -> found.stream().anyMatch(e -> e.getPayload() instanceof EntryReleased));
        QueueEventEnvelope failed = events.stream().filter(e -> e.getPayload() instanceof EntryFailed).findFirst()
                .orElseThrow();
        EntryFailed first = (EntryFailed) failed.getPayload();
        assertThat(first.getAttempt()).isEqualTo(1);
        assertThat(first.getRetryAt()).isEqualTo(first.getFailedAt().plusSeconds(2));
        QueueEventEnvelope released = events.get(events.size() - 1);
        assertThat(released.getActor()).isEqualTo("ledgerline:timer");
        assertThat(released.getCausationCommandId()).isEqualTo("timer.release." + first.getRetryAt().toEpochMilli());

        callNext(queue).statusCode(200).body("entryId", equalTo("ann"));
        fail("ann", "no answer again").statusCode(200);
        problem(QueueCommandsIT.post("/queues/{q}/entries/{e}/complete", queue, "ann"), 404, "ENTRY_NOT_FOUND");
        var last = eventsUntil(found -> found.stream().filter(e -> e.getPayload() instanceof EntryFailed).count() == 2);
        EntryFailed second = (EntryFailed) last.get(last.size() - 1).getPayload();
        assertThat(second.getAttempt()).isEqualTo(2);
        assertThat(second.getRetryAt()).as("no retry left: FAILED").isNull();
    }

    @Test
    void a_scheduled_entry_is_called_only_once_its_time_has_come() {
        create(queue, 10).statusCode(201);
        Instant at = Instant.now().plusSeconds(3);
        given().contentType(ContentType.JSON).body("{\"entryId\":\"later\",\"scheduledAt\":\"" + at + "\"}")
                .when().post("/queues/{q}/entries", queue).then().statusCode(201);
        join(queue, "now", "LOW").statusCode(201);

        callNext(queue).statusCode(200).body("entryId", equalTo("now"));
        problem(callNext(queue), 409, "QUEUE_EMPTY");
        eventsUntil(found -> found.stream().anyMatch(e -> e.getPayload() instanceof EntryReleased));
        callNext(queue).statusCode(200).body("entryId", equalTo("later"));
    }

    @Test
    void a_sale_opens_and_closes_at_its_planned_times_and_closing_ends_the_waiting_entries() {
        create(queue, 10).statusCode(201);
        QueueCommandsIT.post("/queues/{q}/pause", queue).statusCode(200); // a waiting room before the sale
        join(queue, "ann", "NORMAL").statusCode(201);
        join(queue, "bob", "NORMAL").statusCode(201);
        join(queue, "cyd", "NORMAL").statusCode(201);
        Instant opens = Instant.now().plusSeconds(2).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Instant closes = opens.plusSeconds(2);
        problem(schedule("{\"opensAt\":\"" + closes + "\",\"closesAt\":\"" + opens + "\"}"), 400, "INVALID_REQUEST");
        problem(schedule("{\"opensAt\":\"2020-01-01T00:00:00Z\"}"), 400, "INVALID_REQUEST");
        schedule("{\"opensAt\":\"" + opens + "\",\"closesAt\":\"" + closes + "\"}").statusCode(200);
        problem(callNext(queue), 409, "QUEUE_PAUSED");

        eventsUntil(found -> found.stream().anyMatch(e -> e.getPayload() instanceof QueueOpened));
        callNext(queue).statusCode(200).body("entryId", equalTo("ann"));
        var events = eventsUntil(found -> found.stream().anyMatch(e -> e.getPayload() instanceof QueueClosed));

        QueueEventEnvelope opened = events.stream().filter(e -> e.getPayload() instanceof QueueOpened).findFirst()
                .orElseThrow();
        assertThat(opened.getCausationCommandId()).isEqualTo("timer.open." + opens.toEpochMilli());
        assertThat(((QueueOpened) opened.getPayload()).getScheduledFor()).isEqualTo(opens);
        QueueEventEnvelope closed = events.get(events.size() - 1);
        assertThat(closed.getActor()).isEqualTo("ledgerline:timer");
        assertThat(closed.getCausationCommandId()).isEqualTo("timer.close." + closes.toEpochMilli());
        QueueClosed close = (QueueClosed) closed.getPayload();
        assertThat(close.getClosedOut()).containsExactly("bob", "cyd");
        assertThat(close.getClosedOutCount()).isEqualTo(2);
        assertThat(close.getScheduledFor()).isEqualTo(closes);

        problem(join(queue, "dan", "NORMAL"), 409, "QUEUE_CLOSED");
        problem(callNext(queue), 409, "QUEUE_CLOSED");
        QueueCommandsIT.post("/queues/{q}/entries/{e}/complete", queue, "ann").statusCode(200); // served, not closed out
    }

    private io.restassured.response.ValidatableResponse schedule(String body) {
        return given().contentType(ContentType.JSON).body(body).when().put("/queues/{q}/schedule", queue).then();
    }

    private io.restassured.response.ValidatableResponse fail(String entryId, String reason) {
        return given().contentType(ContentType.JSON).body("{\"reason\":\"" + reason + "\"}")
                .when().post("/queues/{q}/entries/{e}/fail", queue, entryId).then();
    }

    private java.util.List<QueueEventEnvelope> eventsUntil(
            java.util.function.Predicate<java.util.List<QueueEventEnvelope>> until) {
        return TopicProbe.readAvro(TopicProbe.topic("events"), queue, until, Duration.ofSeconds(20));
    }
}
