package io.ledgerline.e2e;

import static io.ledgerline.e2e.Stack.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A clinic erases a patient: their name and phone number were only ever in the personal-details store (the events
 * carry an opaque reference), so after the erasure they are nowhere, while the log, its digest, and every position
 * the log gives are exactly what they were.
 */
class PersonalDataErasureIT {

    private static final String EVENTS = "test.ledgerline.queue-events.v1";
    private static final int PARTITIONS = 6;

    @RegisterExtension
    static final Stack stack = new Stack();

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void after_an_erasure_the_persons_data_is_gone_everywhere_and_the_log_and_positions_are_unchanged()
            throws Exception {
        Instant start = Instant.now().minusSeconds(5);
        String q = "e2e-erase-" + run;
        String pat = "patient-" + run;
        String name = "Pat Quinlan " + run;
        String phone = "+44 20 7946 " + run.substring(0, 4);
        expect(stack.projectionPut("/people/" + pat, "{\"name\":\"" + name + "\",\"phone\":\"" + phone + "\"}"), 204);
        expect(stack.post("/queues", "{\"queueId\":\"" + q + "\",\"name\":\"Clinic\",\"capacity\":10}"), 201);
        for (String entry : List.of("ann", "pat", "bob")) {
            String person = entry.equals("pat") ? pat : entry + "-" + run;
            expect(stack.post("/queues/" + q + "/entries", "{\"entryId\":\"" + entry + "\",\"personRef\":\"" + person
                    + "\"}"), 201);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(stack.read("/queues/" + q + "/entries/bob").path("position").asInt()).isEqualTo(3));
        assertThat(stack.read("/people/" + pat).path("details").path("name").asText()).isEqualTo(name);

        List<byte[]> events = events(q, start);
        Map<String, Integer> positions = positions(q);
        assertThat(events).hasSize(4);
        assertThat(containsText(events, name) || containsText(events, phone)).as("the events name no one").isFalse();
        assertThat(rowsHolding(name)).as("only the personal-details store holds it").containsOnlyKeys("personal_details");

        expect(stack.projectionDelete("/people/" + pat), 204);

        assertThat(stack.readStatus("/people/" + pat)).isEqualTo(404);
        assertThat(rowsHolding(name)).as("no table holds the name").isEmpty();
        assertThat(rowsHolding(phone)).as("no table holds the phone number").isEmpty();
        assertThat(digest(events(q, start))).as("the log is what it was").isEqualTo(digest(events));
        assertThat(positions(q)).isEqualTo(positions);
        // The line moves on as before: the reference is still the entry's, only its details are gone.
        expect(stack.post("/queues/" + q + "/call-next", "{}"), 200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(stack.read("/queues/" + q + "/entries/pat").path("position").asInt()).isEqualTo(1));
    }

    private static Map<String, Integer> positions(String q) throws Exception {
        Map<String, Integer> positions = new LinkedHashMap<>();
        for (String entry : List.of("ann", "pat", "bob")) {
            positions.put(entry, stack.read("/queues/" + q + "/entries/" + entry).path("position").asInt());
        }
        return positions;
    }

    /** The queue's events since {@code start}, read committed from its partition, as any consumer would. */
    private static List<byte[]> events(String q, Instant start) {
        Properties config = new Properties();
        config.put("bootstrap.servers", System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        config.put("isolation.level", "read_committed");
        config.put("enable.auto.commit", "false");
        TopicPartition partition = new TopicPartition(EVENTS,
                Utils.toPositive(Utils.murmur2(q.getBytes(StandardCharsets.UTF_8))) % PARTITIONS);
        List<byte[]> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            var from = consumer.offsetsForTimes(Map.of(partition, start.toEpochMilli())).get(partition);
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            consumer.seek(partition, from == null ? end : from.offset());
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (q.equals(record.key())) {
                        values.add(record.value());
                    }
                }
            }
        }
        return values;
    }

    private static boolean containsText(List<byte[]> values, String text) {
        return values.stream().anyMatch(v -> new String(v, StandardCharsets.ISO_8859_1).contains(text));
    }

    private static String digest(List<byte[]> values) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        values.forEach(sha::update);
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Every table of the projection's schema with a row whose text holds {@code text}, and how many. */
    private static Map<String, Integer> rowsHolding(String text) throws Exception {
        String url = "jdbc:postgresql://" + System.getenv().getOrDefault("LEDGERLINE_DB_HOST", "127.0.0.1") + ":"
                + System.getenv().getOrDefault("LEDGERLINE_DB_PORT", "5432") + "/ledgerline_test";
        Map<String, Integer> found = new LinkedHashMap<>();
        try (var db = DriverManager.getConnection(url, System.getenv().getOrDefault("LEDGERLINE_DB_USER", "ledgerline"),
                System.getenv("LEDGERLINE_DB_PASSWORD"))) {
            List<String> tables = new ArrayList<>();
            try (var rows = db.createStatement().executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = 'position_projection' AND table_type = 'BASE TABLE'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (var query = db.prepareStatement("SELECT count(*) FROM position_projection." + table
                        + " t WHERE t::text LIKE ?")) {
                    query.setString(1, "%" + text + "%");
                    try (var rows = query.executeQuery()) {
                        rows.next();
                        if (rows.getInt(1) > 0) {
                            found.put(table, rows.getInt(1));
                        }
                    }
                }
            }
        }
        return found;
    }
}
