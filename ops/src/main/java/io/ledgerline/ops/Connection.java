package io.ledgerline.ops;

import io.ledgerline.log.QueueHistory;
import io.ledgerline.schemas.RegistryCodec;
import io.ledgerline.schemas.TopicSchemas;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import picocli.CommandLine.Option;

/** Where the stack is: the options every command shares, each defaulting to the environment the launcher sets. */
public class Connection {

    @Option(names = "--bootstrap", description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE})",
            defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}")
    String bootstrap;

    @Option(names = "--registry", description = "Apicurio registry v3 API (default: ${DEFAULT-VALUE})",
            defaultValue = "${env:APICURIO_REGISTRY_URL:-http://127.0.0.1:8085/apis/registry/v3}")
    String registry;

    @Option(names = "--projection-url", description = "the position projection's base URL (default: ${DEFAULT-VALUE})",
            defaultValue = "${env:LEDGERLINE_PROJECTION_URL:-http://127.0.0.1:8082}")
    String projection;

    @Option(names = "--topic-prefix", description = "prefix of every topic name, 'test.' for the test stack",
            defaultValue = "${env:LEDGERLINE_TOPIC_PREFIX:-}")
    String topicPrefix;

    String eventsTopic() {
        return topicPrefix + TopicSchemas.QUEUE_EVENTS;
    }

    String snapshotsTopic() {
        return topicPrefix + TopicSchemas.QUEUE_SNAPSHOTS;
    }

    /** The projection's consumer group, whose offsets say how far a rebuild has come. */
    String projectionGroup() {
        return topicPrefix.isEmpty() ? "position-projection-service" : "position-projection-service-test";
    }

    /** A reader of the log for {@link QueueHistory}, with large fetches: the tool reads whole partitions. */
    KafkaConsumer<String, byte[]> reader() {
        return QueueHistory.newReader(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024,
                ConsumerConfig.CLIENT_ID_CONFIG, "ledgerline-ops"));
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    RegistryCodec codec() {
        return new RegistryCodec(registry);
    }

    ProjectionApi projectionApi() {
        return new ProjectionApi(projection, System.getenv("LEDGERLINE_TOKEN"));
    }
}
