package io.ledgerline.command.it;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import io.apicurio.registry.serde.config.SerdeConfig;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes the service's real topics the way an integrator or an operator would. */
final class TopicProbe {

    private TopicProbe() {}

    /** The test profile's topics (see application.properties): the packaged service under test uses these. */
    static String topic(String name) {
        return switch (name) {
            case "commands" -> "test.ledgerline.queue-commands.v1";
            case "events" -> "test.ledgerline.queue-events.v1";
            case "results" -> "test.ledgerline.command-results.v1";
            case "dead-letter" -> "test.ledgerline.dead-letter.v1";
            default -> throw new IllegalArgumentException(name);
        };
    }

    static void sendRaw(String topic, String key, byte[] value) throws Exception {
        try (var producer = new KafkaProducer<>(common(), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    static void sendAvro(String topic, String key, Object value) throws Exception {
        sendRaw(topic, key, serialize(topic, value));
    }

    /** As {@link #sendAvro}, with one header (a name and its value). */
    static void sendAvro(String topic, String key, Object value, String header, byte[] headerValue) throws Exception {
        try (var producer = new KafkaProducer<>(common(), new StringSerializer(), new ByteArraySerializer())) {
            var record = new ProducerRecord<>(topic, key, serialize(topic, value));
            record.headers().add(header, headerValue);
            producer.send(record).get();
        }
    }

    /**
     * The integrators' serializer, made once per test JVM on a Vert.x instance of its own. Left to itself, the serde
     * looks a Vert.x instance up in whatever CDI container is current, and a test class that restarts the application
     * under another profile closes that instance under it: its next registry request then never completes.
     */
    static byte[] serialize(String topic, Object value) throws Exception {
        return bounded("serializing a " + value.getClass().getSimpleName(), () -> Serdes.SERIALIZER.serialize(topic, value));
    }

    private static <T> T bounded(String what, Callable<T> call) throws Exception {
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return call.call();
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            }).get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(what + " took over 30 s: the schema registry did not answer", e);
        }
    }

    private static final class Serdes {
        static final Vertx VERTX = Vertx.vertx();
        static final AvroKafkaSerializer<Object> SERIALIZER = new AvroKafkaSerializer<>();
        static final AvroKafkaDeserializer<Object> DESERIALIZER = new AvroKafkaDeserializer<>();

        static {
            SERIALIZER.configure(Map.of(SerdeConfig.REGISTRY_URL, registry(), SerdeConfig.AUTO_REGISTER_ARTIFACT, true,
                    SchemaResolverConfig.VERTX_INSTANCE, VERTX), false);
            DESERIALIZER.configure(Map.of(SerdeConfig.REGISTRY_URL, registry(),
                    AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true, SchemaResolverConfig.VERTX_INSTANCE, VERTX), false);
        }
    }

    /** Committed records of a topic whose key matches, decoded as Avro, read from the start until {@code until}. */
    static <T> List<T> readAvro(String topic, String key, Predicate<List<T>> until, Duration atMost) {
        return readAvro(topic, key::equals, until, atMost);
    }

    /** As above, for every record whose key passes {@code keys}. */
    static <T> List<T> readAvro(String topic, Predicate<String> keys, Predicate<List<T>> until, Duration atMost) {
        Function<List<ConsumerRecord<String, byte[]>>, List<T>> decode = records -> records.stream()
                .map(r -> TopicProbe.<T>deserialize(r)).toList();
        return decode.apply(readRaw(topic, keys, records -> until.test(decode.apply(records)), atMost));
    }

    @SuppressWarnings("unchecked")
    private static <T> T deserialize(ConsumerRecord<String, byte[]> record) {
        try {
            return (T) bounded("reading " + record.topic() + "@" + record.offset(),
                    () -> Serdes.DESERIALIZER.deserialize(record.topic(), record.headers(), record.value()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<ConsumerRecord<String, byte[]>> readRaw(String topic, String key,
                                                       Predicate<List<ConsumerRecord<String, byte[]>>> until,
                                                       Duration atMost) {
        return readRaw(topic, key::equals, until, atMost);
    }

    static List<ConsumerRecord<String, byte[]>> readRaw(String topic, Predicate<String> keys,
                                                       Predicate<List<ConsumerRecord<String, byte[]>>> until,
                                                       Duration atMost) {
        Map<String, Object> props = common();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> matching = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(atMost);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() != null && keys.test(r.key())) {
                        matching.add(r);
                    }
                }
                if (until.test(matching)) {
                    return matching;
                }
            }
        }
        throw new AssertionError("gave up after " + atMost + " waiting on " + topic + "; found " + matching.size()
                + " matching records");
    }

    static String bootstrap() {
        return env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    }

    /** The registry's Confluent-compatible API, which tools built on Confluent's serializers speak. */
    static String confluentCompatibleRegistry() {
        return registry().replace("/apis/registry/v3", "/apis/ccompat/v7");
    }

    private static String registry() {
        return env("APICURIO_REGISTRY_URL", "http://127.0.0.1:8085/apis/registry/v3");
    }

    private static Map<String, Object> common() {
        Map<String, Object> props = new java.util.HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        return props;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
