package io.ledgerline.command.it;

import static io.ledgerline.command.it.QueueCommandsIT.callNext;
import static io.ledgerline.command.it.QueueCommandsIT.create;
import static io.ledgerline.command.it.QueueCommandsIT.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.ledgerline.schemas.DeadLetterHeaders;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import ledgerline.queue.v1.CallNext;
import ledgerline.queue.v1.ChangePriority;
import ledgerline.queue.v1.CommandRejected;
import ledgerline.queue.v1.CommandResult;
import ledgerline.queue.v1.ConfigureQueue;
import ledgerline.queue.v1.EmergencyStopQueue;
import ledgerline.queue.v1.JoinQueue;
import ledgerline.queue.v1.PauseQueue;
import ledgerline.queue.v1.Priority;
import ledgerline.queue.v1.QueueCommandEnvelope;
import ledgerline.queue.v1.QueueEventEnvelope;
import ledgerline.queue.v1.SleepQueue;
import ledgerline.queue.v1.TransferEntry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated bad inputs, over every REST endpoint and over the commands topic. Every REST case must end
 * as a 4xx application/problem+json with a reason, quickly; every record as a dead letter with its reason or a
 * rejection on the results topic; none may change the queue, and the service must still work afterwards.
 */
@QuarkusIntegrationTest
class FuzzIT {

    private static final int REST_CASES = 3000;
    private static final int TOPIC_CASES = 1200;

    private final String queue = "it-fuzz-" + UUID.randomUUID();
    private final long seed = Long.getLong("fuzz.seed", System.nanoTime());
    private final Map<String, Integer> restAnswers = new java.util.concurrent.ConcurrentSkipListMap<>();

    @Test
    void bad_requests_and_bad_records_end_as_problems_or_dead_letters_and_change_nothing() throws Exception {
        System.out.println("fuzz seed " + seed + " (rerun with -Dfuzz.seed=" + seed + ")");
        create(queue, 100).statusCode(201);
        join(queue, "ann", "HIGH").statusCode(201);
        join(queue, "bob", "NORMAL").statusCode(201);
        int lastSequence = callNext(queue).statusCode(200).body("entryId", equalTo("ann")).extract().path("sequence");

        List<String> restFailures = restCases();
        List<String> topicFailures = topicCases();

        System.out.println(REST_CASES + " REST cases answered " + restAnswers);
        assertThat(restFailures).as("REST cases that did not end as a 4xx problem").isEmpty();
        assertThat(topicFailures).as("records that did not end as a dead letter or a rejection").isEmpty();
        List<QueueEventEnvelope> events = TopicProbe.readAvro(TopicProbe.topic("events"), queue,
                found -> found.size() >= lastSequence, Duration.ofSeconds(20));
        assertThat(events).extracting(QueueEventEnvelope::getSequence).as("the queue did not change")
                .containsExactly(1L, 2L, 3L, 4L);
        join(queue, "cyd", "LOW").statusCode(201).body("sequence", equalTo(lastSequence + 1));
    }

    private List<String> restCases() throws Exception {
        List<BadInput.Case> cases = new BadInput(seed, queue, "bob").cases(REST_CASES);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String base = RestAssured.baseURI + ":" + RestAssured.port;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<String>> checked = new ArrayList<>();
            for (BadInput.Case c : cases) {
                checked.add(CompletableFuture.supplyAsync(() -> check(http, base, c, restAnswers), pool));
            }
            return checked.stream().map(CompletableFuture::join).filter(failure -> failure != null).limit(20).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Null when the case ended as it must; otherwise what happened instead. */
    private static String check(HttpClient http, String base, BadInput.Case c, Map<String, Integer> answers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + c.path()))
                    .timeout(Duration.ofSeconds(10))
                    .method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(c.body()));
            c.headers().forEach(request::header);
            if (!c.headers().containsKey("Authorization")) {
                request.header("Authorization", "Bearer " + AdminTokenForRestAssured.admin());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            answers.merge(Integer.toString(response.statusCode()), 1, Integer::sum);
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (response.statusCode() < 400 || response.statusCode() >= 500 || !type.startsWith("application/problem+json")
                    || !response.body().contains("\"reason\":\"")) {
                return c.description() + " -> " + response.statusCode() + " " + type + " " + response.body();
            }
            return null;
        } catch (IllegalArgumentException e) {
            answers.merge("not sendable", 1, Integer::sum);
            return null; // the HTTP client itself refuses to send it: it cannot reach the service either
        } catch (Exception e) {
            return c.description() + " -> " + e;
        }
    }

    private List<String> topicCases() throws Exception {
        Random random = new Random(seed);
        Set<String> commandIds = new HashSet<>();
        int deadLettersExpected = 0;
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(), ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new ByteArraySerializer())) {
            String topic = TopicProbe.topic("commands");
            byte[] valid = TopicProbe.serialize(topic, envelope("template", new CallNext(Instant.now(), null)));
            for (int i = 0; i < TOPIC_CASES; i++) {
                byte[] value;
                switch (random.nextInt(4)) {
                    case 0 -> value = randomBytes(random); // not the registry framing, or an unknown schema id
                    case 1 -> value = Arrays.copyOf(valid, 6 + random.nextInt(valid.length - 6)); // cut short
                    case 2 -> {
                        // a command without a usable commandId: nobody could match an answer to it
                        String bad = List.of("", "x".repeat(300), "has space", "ünï").get(random.nextInt(4));
                        value = TopicProbe.serialize(topic, envelope(bad, new CallNext(Instant.now(), null)));
                    }
                    default -> {
                        String commandId = "fuzz-" + UUID.randomUUID();
                        commandIds.add(commandId);
                        producer.send(new ProducerRecord<>(topic, queue,
                                TopicProbe.serialize(topic, envelope(commandId, invalidPayload(random)))));
                        continue;
                    }
                }
                deadLettersExpected++;
                producer.send(new ProducerRecord<>(topic, queue, value));
            }
            producer.flush();
        }
        int expected = deadLettersExpected;
        var deadLetters = TopicProbe.readRaw(TopicProbe.topic("dead-letter"), queue, found -> found.size() >= expected,
                Duration.ofSeconds(90));
        System.out.println(TOPIC_CASES + " records: " + deadLetters.size() + " dead letters, " + commandIds.size()
                + " commands answered");
        List<String> failures = new ArrayList<>();
        deadLetters.stream().filter(r -> r.headers().lastHeader(DeadLetterHeaders.REASON) == null)
                .forEach(r -> failures.add("dead letter without a reason at offset " + r.offset()));
        List<CommandResult> results = TopicProbe.readAvro(TopicProbe.topic("results"), commandIds::contains,
                found -> found.size() >= commandIds.size(), Duration.ofSeconds(90));
        for (CommandResult result : results) {
            if (!(result.getOutcome() instanceof CommandRejected rejected)
                    || !List.of("INVALID_COMMAND", "MALFORMED_COMMAND").contains(rejected.getReason())) {
                failures.add(result.getCommandId() + " -> " + result.getOutcome());
            }
        }
        return failures;
    }

    /** A payload that breaks a field rule: too long, blank, out of range, in the past, or aimed at itself. */
    private Object invalidPayload(Random random) {
        Instant now = Instant.now();
        return switch (random.nextInt(9)) {
            case 0 -> new JoinQueue("e".repeat(129 + random.nextInt(300)), Priority.HIGH, now, null, null, null, null, java.util.Map.of(), null, null, false);
            case 1 -> new JoinQueue(List.of("", " ", "-x", "a b").get(random.nextInt(4)), Priority.LOW, now, null, null, null, null, java.util.Map.of(), null, null, false);
            case 2 -> new ConfigureQueue("Name", List.of(0, -1, 1_000_001, Integer.MIN_VALUE).get(random.nextInt(4)), null);
            case 3 -> new ConfigureQueue("n".repeat(201), 10, null);
            case 4 -> new SleepQueue(Instant.EPOCH.plusSeconds(random.nextInt(1000)));
            case 5 -> new EmergencyStopQueue(List.of("", "  ", "r".repeat(501)).get(random.nextInt(3)));
            case 6 -> new ChangePriority("bob", Priority.URGENT, "");
            case 7 -> new TransferEntry("bob", queue, "to itself");
            default -> new PauseQueue("p".repeat(501));
        };
    }

    private QueueCommandEnvelope envelope(String commandId, Object payload) {
        return QueueCommandEnvelope.newBuilder().setCommandId(commandId).setQueueId(queue).setIssuedAt(Instant.now())
                .setActor("it:fuzz").setPayload(payload).build();
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(64)];
        random.nextBytes(bytes);
        if (bytes.length > 0 && random.nextBoolean()) {
            bytes[0] = 0; // looks framed: an id the registry does not know, or garbage after a real one
        }
        return bytes;
    }

    private static String bootstrap() {
        String value = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        return value == null || value.isBlank() ? "127.0.0.1:9092" : value;
    }
}
