package io.ledgerline.command.messaging;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.config.SerdeConfig;
import io.ledgerline.command.config.CommandServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Builds the Kafka clients of the service. The processor reads raw bytes and decodes them itself, so that a record
 * that is not valid Avro can be moved to the dead-letter topic instead of stopping the poll loop.
 */
@ApplicationScoped
public class KafkaClients {

    private final CommandServiceConfig config;

    public KafkaClients(CommandServiceConfig config) {
        this.config = config;
    }

    /** The consumer of the commands topic: one owner per partition, offsets committed only inside transactions. */
    public KafkaConsumer<String, byte[]> commandConsumer() {
        Map<String, Object> props = common();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.command().groupId());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.command().maxBatch());
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** A group-less reader of committed records, for rebuilding state and for reading results. */
    public KafkaConsumer<String, byte[]> committedReader() {
        Map<String, Object> props = common();
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * The processor's producer. Its transactional id is unique per process: zombies are fenced through the consumer
     * group generation passed with the offsets (KIP-447), not through a shared transactional id.
     */
    public KafkaProducer<String, Object> transactionalProducer() {
        Map<String, Object> props = common();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "ledgerline-command-" + UUID.randomUUID());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(props, new StringSerializer(), new AvroOrRawSerializer(avroSerializer()));
    }

    /** The REST side's producer of commands: idempotent, not transactional, sent as soon as possible. */
    public KafkaProducer<String, Object> commandProducer() {
        Map<String, Object> props = common();
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // A REST caller waits at most the result timeout anyway; fail the send well before that.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        return new KafkaProducer<>(props, new StringSerializer(), avroSerializer());
    }

    public <T> AvroKafkaDeserializer<T> avroDeserializer() {
        AvroKafkaDeserializer<T> deserializer = new AvroKafkaDeserializer<>();
        Map<String, Object> props = registry();
        props.put(AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true);
        deserializer.configure(props, false);
        return deserializer;
    }

    private AvroKafkaSerializer<Object> avroSerializer() {
        AvroKafkaSerializer<Object> serializer = new AvroKafkaSerializer<>();
        Map<String, Object> props = registry();
        props.put(SerdeConfig.AUTO_REGISTER_ARTIFACT, true);
        serializer.configure(props, false);
        return serializer;
    }

    private Map<String, Object> registry() {
        Map<String, Object> props = new HashMap<>();
        props.put(SerdeConfig.REGISTRY_URL, config.kafka().registryUrl());
        return props;
    }

    private Map<String, Object> common() {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers());
        return props;
    }
}
