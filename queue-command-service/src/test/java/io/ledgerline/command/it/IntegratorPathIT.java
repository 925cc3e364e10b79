package io.ledgerline.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.schemas.DeadLetterHeaders;
import io.ledgerline.schemas.TopicSchemas;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import ledgerline.queue.v1.CommandAccepted;
import ledgerline.queue.v1.CommandRejected;
import ledgerline.queue.v1.CommandResult;
import ledgerline.queue.v1.CreateQueue;
import ledgerline.queue.v1.JoinQueue;
import ledgerline.queue.v1.Priority;
import ledgerline.queue.v1.QueueCommandEnvelope;
import org.junit.jupiter.api.Test;

/** Integrators write Avro commands straight to the commands topic and read results back; poison never blocks them. */
@QuarkusIntegrationTest
class IntegratorPathIT {

    private final String queue = "it-kafka-" + UUID.randomUUID();

    @Test
    void an_avro_command_on_the_topic_gets_a_result_keyed_by_its_command_id() throws Exception {
        String create = send(new CreateQueue("Back office", 5, null));
        String join = send(new JoinQueue("job-1", Priority.URGENT, Instant.now(), null, null, null, null, java.util.Map.of(), null, null, false));
        String missing = send(new JoinQueue("job-1", Priority.URGENT, Instant.now(), null, null, null, null, java.util.Map.of(), null, null, false));

        assertThat(resultOf(create).getOutcome()).isInstanceOf(CommandAccepted.class);
        assertThat(resultOf(join).getOutcome()).isInstanceOfSatisfying(CommandAccepted.class, a -> {
            assertThat(a.getEntryId()).isEqualTo("job-1");
            assertThat(a.getFirstSequence()).isEqualTo(2L);
        });
        assertThat(resultOf(missing).getOutcome()).isInstanceOfSatisfying(CommandRejected.class,
                r -> assertThat(r.getReason()).isEqualTo("DUPLICATE_ENTRY"));

        // The record claims an actor; nothing vouches for it, so the events name nobody known instead.
        var events = TopicProbe.<ledgerline.queue.v1.QueueEventEnvelope>readAvro(TopicProbe.topic("events"), queue,
                found -> found.size() >= 2, Duration.ofSeconds(20));
        assertThat(events).extracting(ledgerline.queue.v1.QueueEventEnvelope::getActor)
                .containsOnly("topic:unauthenticated");
    }

    /**
     * kcat as Debian ships it (no Avro support) reads each event of the queue: every value carries the Confluent wire
     * framing (a zero byte, a 4-byte schema id), and the id resolves in the registry's Confluent-compatible API to the
     * events' schema. The check is the repository's own example, examples/kcat/read-framing.sh, run as it is.
     */
    @Test
    void every_event_carries_the_confluent_framing_that_kcat_and_the_compatible_registry_api_resolve()
            throws Exception {
        send(new CreateQueue("Framing", 5, null));
        send(new JoinQueue("job-1", Priority.NORMAL, Instant.now(), null, null, null, null, java.util.Map.of(), null,
                null, false));
        var events = TopicProbe.readRaw(TopicProbe.topic("events"), queue, found -> found.size() >= 2,
                Duration.ofSeconds(20));
        for (var event : events) {
            byte[] value = event.value();
            int id = java.nio.ByteBuffer.wrap(value, 1, 4).getInt();
            Process kcat = new ProcessBuilder("../examples/kcat/read-framing.sh", TopicProbe.bootstrap(),
                    TopicProbe.confluentCompatibleRegistry(), event.topic(), Integer.toString(event.partition()),
                    Long.toString(event.offset())).redirectErrorStream(true).start();
            String printed = new String(kcat.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(kcat.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(kcat.exitValue()).as(printed).isZero();
            assertThat(printed).isEqualTo("magic=0 schemaId=" + id + " schema=ledgerline.queue.v1.QueueEventEnvelope");
        }
    }

    /**
     * An integrator that is neither ours nor Java: the repository's Node.js example, examples/node/join-and-read.mjs
     * (kafkajs and @kafkajs/confluent-schema-registry), run as it is. It encodes a CreateQueue and a JoinQueue with the
     * schema the registry's Confluent-compatible API serves (references resolved there, no local .avsc), then reads
     * the join's result and the queue's events back, committed only, decoding them through the same API. Its envelope
     * claims an actor; unsigned topic input names nobody, so the events record topic:unauthenticated.
     */
    @Test
    void a_node_integrator_joins_through_the_topic_and_reads_the_result_and_the_events_back() throws Exception {
        String nodeQueue = "it-node-" + UUID.randomUUID();
        String prefix = TopicProbe.topic("commands").replace(TopicSchemas.QUEUE_COMMANDS, "");
        Path stderr = Files.createTempFile("join-and-read", ".stderr");
        try {
            Process node = new ProcessBuilder("node", "../examples/node/join-and-read.mjs", TopicProbe.bootstrap(),
                    TopicProbe.confluentCompatibleRegistry(), prefix, nodeQueue).redirectError(stderr.toFile()).start();
            String printed = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(node.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            String output = printed + "\n" + Files.readString(stderr);
            assertThat(node.exitValue()).as(output).isZero();

            JsonNode last = new ObjectMapper().readTree(printed.substring(printed.lastIndexOf('\n') + 1));
            assertThat(last.path("join").asText()).as(output).isEqualTo("accepted");
            assertThat(last.path("entryId").asText()).as(output).startsWith("node-");
            List<String> events = new ArrayList<>();
            last.path("events").forEach(event -> events.add(event.asText()));
            assertThat(events).as(output).containsSubsequence("QueueCreated", "EntryJoined");
            assertThat(last.path("actor").asText()).as(output).isEqualTo("topic:unauthenticated");
        } finally {
            Files.deleteIfExists(stderr);
        }
    }

    @Test
    void a_record_with_a_forged_actor_seal_is_unauthorised_set_aside_and_answered_rejected() throws Exception {
        String commandId = UUID.randomUUID().toString();
        TopicProbe.sendAvro(TopicProbe.topic("commands"), queue, QueueCommandEnvelope.newBuilder()
                .setCommandId(commandId).setQueueId(queue).setIssuedAt(Instant.now()).setActor("ledgerline:timer")
                .setPayload(new CreateQueue("Forged", 5, null)).build(), "ledgerline-actor-seal",
                "0".repeat(64).getBytes(StandardCharsets.US_ASCII));
        String after = send(new CreateQueue("After forgery", 5, null));

        assertThat(resultOf(commandId).getOutcome()).isInstanceOfSatisfying(CommandRejected.class,
                r -> assertThat(r.getReason()).isEqualTo("UNAUTHORISED"));
        var dead = TopicProbe.readRaw(TopicProbe.topic("dead-letter"), queue, found -> !found.isEmpty(),
                Duration.ofSeconds(20));
        assertThat(new String(dead.get(0).headers().lastHeader(DeadLetterHeaders.REASON).value(),
                StandardCharsets.UTF_8)).contains("unauthorised");
        assertThat(resultOf(after).getOutcome()).isInstanceOf(CommandAccepted.class);
    }

    @Test
    void a_poison_record_goes_to_the_dead_letter_topic_with_its_reason_and_the_queue_carries_on() throws Exception {
        TopicProbe.sendRaw(TopicProbe.topic("commands"), queue, "not avro at all".getBytes(StandardCharsets.UTF_8));
        String create = send(new CreateQueue("After poison", 5, null));

        var dead = TopicProbe.readRaw(TopicProbe.topic("dead-letter"), queue, found -> !found.isEmpty(),
                Duration.ofSeconds(20));
        String reason = new String(dead.get(0).headers().lastHeader(DeadLetterHeaders.REASON).value(),
                StandardCharsets.UTF_8);
        assertThat(reason).contains("not a readable command envelope");
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("not avro at all");
        assertThat(resultOf(create).getOutcome()).isInstanceOf(CommandAccepted.class);
    }

    private String send(Object payload) throws Exception {
        String commandId = UUID.randomUUID().toString();
        TopicProbe.sendAvro(TopicProbe.topic("commands"), queue, QueueCommandEnvelope.newBuilder()
                .setCommandId(commandId).setQueueId(queue).setIssuedAt(Instant.now()).setActor("it:integrator")
                .setPayload(payload).build());
        return commandId;
    }

    private static CommandResult resultOf(String commandId) {
        return TopicProbe.<CommandResult>readAvro(TopicProbe.topic("results"), commandId,
                found -> !found.isEmpty(), Duration.ofSeconds(20)).get(0);
    }
}
