package io.ledgerline.command.it;

import static io.ledgerline.command.it.QueueCommandsIT.callNext;
import static io.ledgerline.command.it.QueueCommandsIT.join;
import static io.ledgerline.command.it.QueueCommandsIT.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.ledgerline.log.QueuePartitioner;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import ledgerline.queue.v1.EntryBackFromServiceElsewhere;
import ledgerline.queue.v1.EntryHeldForServiceElsewhere;
import ledgerline.queue.v1.QueueEventEnvelope;
import org.junit.jupiter.api.Test;

/**
 * One person in three queues, through the real broker: while they are served at the desk and in the lab, their
 * x-ray entry (a queue that holds) keeps its place but is passed over, and it is called once both services ended.
 */
@QuarkusIntegrationTest
class PersonHoldsIT {

    private final String run = "run" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void an_entry_is_held_while_its_person_is_served_elsewhere_and_back_when_the_last_service_ends() {
        String xray = run + "-xray";
        String desk = otherPartitionThan(xray, run + "-desk");
        String lab = run + "-lab";
        create(xray, true);
        create(desk, false);
        create(lab, false);
        joinAs(xray, "pat-x", "pat").statusCode(201);
        join(xray, "bob", "NORMAL").statusCode(201);
        joinAs(desk, "pat-d", "pat").statusCode(201);
        joinAs(lab, "pat-l", "pat").statusCode(201);

        callNext(desk).statusCode(200).body("entryId", equalTo("pat-d"));
        callNext(lab).statusCode(200).body("entryId", equalTo("pat-l")); // the lab does not hold: pat is called there
        awaitXray(xray, events -> count(events, EntryHeldForServiceElsewhere.class) == 2);
        callNext(xray).statusCode(200).body("entryId", equalTo("bob"));

        post("/queues/{q}/entries/{e}/complete", desk, "pat-d").statusCode(200);
        var back = awaitXray(xray, events -> count(events, EntryBackFromServiceElsewhere.class) == 1);
        var first = (EntryBackFromServiceElsewhere) back.get(back.size() - 1).getPayload();
        assertThat(first.getServedQueueId()).isEqualTo(desk);
        assertThat(first.getStillServedElsewhere()).isEqualTo(1);
        callNext(xray).statusCode(409).body("reason", equalTo("QUEUE_EMPTY")); // still in the lab

        post("/queues/{q}/entries/{e}/no-show", lab, "pat-l").statusCode(200);
        awaitXray(xray, events -> count(events, EntryBackFromServiceElsewhere.class) == 2);
        callNext(xray).statusCode(200).body("entryId", equalTo("pat-x"));
    }

    /** A queue id whose partition (of six) differs from the other's, so the hold crosses partitions. */
    private static String otherPartitionThan(String other, String base) {
        for (int i = 0; ; i++) {
            String candidate = base + i;
            if (QueuePartitioner.partitionOf(candidate, 6) != QueuePartitioner.partitionOf(other, 6)) {
                return candidate;
            }
        }
    }

    private static List<QueueEventEnvelope> awaitXray(String xray,
                                                      java.util.function.Predicate<List<QueueEventEnvelope>> until) {
        return TopicProbe.readAvro(TopicProbe.topic("events"), xray, until, Duration.ofSeconds(20));
    }

    private static long count(List<QueueEventEnvelope> events, Class<?> type) {
        return events.stream().filter(e -> type.isInstance(e.getPayload())).count();
    }

    private static void create(String queueId, boolean holds) {
        given().contentType(ContentType.JSON).body("{\"queueId\":\"" + queueId + "\",\"name\":\"" + queueId
                        + "\",\"capacity\":10,\"settings\":{\"holdWhileServedElsewhere\":" + holds + "}}")
                .when().post("/queues").then().statusCode(201);
    }

    private static ValidatableResponse joinAs(String queueId, String entryId, String person) {
        return given().contentType(ContentType.JSON)
                .body("{\"entryId\":\"" + entryId + "\",\"personRef\":\"" + person + "\"}")
                .when().post("/queues/{q}/entries", queueId).then();
    }
}
