package io.ledgerline.projection.messaging;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Sends a record the projection cannot use to the dead-letter topic, with why and where it came from. */
@ApplicationScoped
public class DeadLetterPublisher {

    public static final String REASON = "dead-letter-reason";
    public static final String CAUSE = "dead-letter-cause";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    public static final String CONSUMER = "dead-letter-consumer";

    private final MutinyEmitter<byte[]> emitter;

    public DeadLetterPublisher(@Channel("dead-letter") MutinyEmitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /** Completes once the dead-letter topic has the record, so the source offset may be committed after it. */
    public Uni<Void> send(IncomingKafkaRecordMetadata<?, ?> source, byte[] value, String reason, String cause) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, REASON, reason);
        header(headers, CAUSE, cause);
        header(headers, TOPIC, source.getTopic());
        header(headers, PARTITION, Integer.toString(source.getPartition()));
        header(headers, OFFSET, Long.toString(source.getOffset()));
        header(headers, CONSUMER, "position-projection-service");
        OutgoingKafkaRecordMetadata<Object> metadata = OutgoingKafkaRecordMetadata.builder()
                .withKey(source.getKey())
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(value).addMetadata(metadata));
    }

    private static void header(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
