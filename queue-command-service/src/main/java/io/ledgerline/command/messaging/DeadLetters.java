package io.ledgerline.command.messaging;

import io.ledgerline.command.config.CommandServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Builds the dead-letter record of an unreadable input: its original bytes and headers, plus why and where from. */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "ledgerline.dlq.reason";
    public static final String SOURCE_TOPIC = "ledgerline.dlq.source-topic";
    public static final String SOURCE_PARTITION = "ledgerline.dlq.source-partition";
    public static final String SOURCE_OFFSET = "ledgerline.dlq.source-offset";

    private final String topic;

    public DeadLetters(CommandServiceConfig config) {
        this.topic = config.topics().deadLetter();
    }

    public ProducerRecord<String, Object> of(ConsumerRecord<String, byte[]> source, String reason) {
        Headers headers = new RecordHeaders(source.headers().toArray());
        headers.add(REASON, utf8(reason));
        headers.add(SOURCE_TOPIC, utf8(source.topic()));
        headers.add(SOURCE_PARTITION, utf8(Integer.toString(source.partition())));
        headers.add(SOURCE_OFFSET, utf8(Long.toString(source.offset())));
        byte[] value = source.value() == null ? new byte[0] : source.value();
        return new ProducerRecord<>(topic, null, source.key(), value, headers);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
