package io.ledgerline.command.messaging;

import io.ledgerline.command.config.CommandServiceConfig;
import io.ledgerline.schemas.DeadLetterHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Builds the dead-letter record of an unreadable input: its original bytes and headers, plus why and where from. */
@ApplicationScoped
public class DeadLetters {

    private final String topic;

    public DeadLetters(CommandServiceConfig config) {
        this.topic = config.topics().deadLetter();
    }

    public ProducerRecord<String, byte[]> of(ConsumerRecord<String, byte[]> source, String reason, Throwable cause) {
        Headers headers = new RecordHeaders(source.headers().toArray());
        headers.add(DeadLetterHeaders.REASON, utf8(reason));
        if (cause != null) {
            headers.add(DeadLetterHeaders.CAUSE, utf8(String.valueOf(cause)));
        }
        headers.add(DeadLetterHeaders.TOPIC, utf8(source.topic()));
        headers.add(DeadLetterHeaders.PARTITION, utf8(Integer.toString(source.partition())));
        headers.add(DeadLetterHeaders.OFFSET, utf8(Long.toString(source.offset())));
        headers.add(DeadLetterHeaders.CONSUMER, utf8("queue-command-service"));
        byte[] value = source.value() == null ? new byte[0] : source.value();
        return new ProducerRecord<>(topic, null, source.key(), value, headers);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
