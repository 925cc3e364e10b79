package io.ledgerline.command.messaging;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Lets one transactional producer write Avro records and, in the same transaction, raw bytes: a dead letter or a
 * command forwarded to its proper partition keeps exactly the bytes it arrived with.
 */
final class AvroOrRawSerializer implements Serializer<Object> {

    private final Serializer<Object> avro;

    AvroOrRawSerializer(Serializer<Object> avro) {
        this.avro = avro;
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        return data instanceof byte[] raw ? raw : avro.serialize(topic, data);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, Object data) {
        return data instanceof byte[] raw ? raw : avro.serialize(topic, headers, data);
    }

    @Override
    public void close() {
        avro.close();
    }
}
