package io.ledgerline.projection.messaging;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.ledgerline.schemas.DeadLetterHeaders;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Sends a record the projection cannot use to the dead-letter topic, with why and where it came from. */
@ApplicationScoped
public class DeadLetterPublisher {

    private final MutinyEmitter<byte[]> emitter;

    public DeadLetterPublisher(@Channel("dead-letter") MutinyEmitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /** Completes once the dead-letter topic has the record, so the source offset may be committed after it. */
    public Uni<Void> send(IncomingKafkaRecordMetadata<?, ?> source, byte[] value, String reason, String cause) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, DeadLetterHeaders.REASON, reason);
        header(headers, DeadLetterHeaders.CAUSE, cause);
        header(headers, DeadLetterHeaders.TOPIC, source.getTopic());
        header(headers, DeadLetterHeaders.PARTITION, Integer.toString(source.getPartition()));
        header(headers, DeadLetterHeaders.OFFSET, Long.toString(source.getOffset()));
        header(headers, DeadLetterHeaders.CONSUMER, "position-projection-service");
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
