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
import ledgerline.queue.v1.QueueEventEnvelope;
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
}
