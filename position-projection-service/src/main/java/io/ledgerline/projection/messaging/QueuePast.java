package io.ledgerline.projection.messaging;

import io.ledgerline.log.HistoryPoint;
import io.ledgerline.log.QueueHistory;
import io.ledgerline.projection.ProjectionConfig;
import io.ledgerline.schemas.RegistryCodec;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A queue's state at a point of its past, replayed from the log with the domain (the same replay as
 * {@code ledgerline ops replay}), for the console's time scrubber. Each replay has a consumer of its own, assigned and
 * never in a group, so it cannot disturb the projection's.
 */
@ApplicationScoped
public class QueuePast {

    private final RegistryCodec codec;
    private final Map<String, Object> readerSettings;
    private final String eventsTopic;
    private final String snapshotsTopic;

    public QueuePast(RegistryCodec codec, ProjectionConfig config,
                     @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
                     @ConfigProperty(name = "mp.messaging.incoming." + QueueEventConsumer.CHANNEL + ".topic")
                     String eventsTopic) {
        this.codec = codec;
        this.eventsTopic = eventsTopic;
        this.snapshotsTopic = config.snapshotsTopic();
        this.readerSettings = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                ConsumerConfig.CLIENT_ID_CONFIG, "position-projection-past");
    }

    /** Blocks while it reads the log: call it off the event loop. */
    public QueueHistory.Replayed at(String queueId, HistoryPoint point) {
        try (KafkaConsumer<String, byte[]> reader = QueueHistory.newReader(readerSettings)) {
            return new QueueHistory(reader, codec, eventsTopic, snapshotsTopic).replay(queueId, point);
        }
    }
}
