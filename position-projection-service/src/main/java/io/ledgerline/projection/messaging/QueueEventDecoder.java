package io.ledgerline.projection.messaging;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import io.ledgerline.schemas.RegistryCodec;
import ledgerline.queue.v1.QueueEventEnvelope;

/**
 * Reads the bytes of one events-topic record with the service's {@link RegistryCodec} (schema looked up once per
 * process, datum reader kept) and maps the envelope to the projection's model. Blocks while a schema is looked up.
 */
@ApplicationScoped
public class QueueEventDecoder {

    static final String UNDESERIALIZABLE = "undeserializable";

    private final RegistryCodec codec;
    private final QueueEventMapper mapper;

    public QueueEventDecoder(RegistryCodec codec, QueueEventMapper mapper) {
        this.codec = codec;
        this.mapper = mapper;
    }

    public DecodedRecord decode(byte[] value) {
        if (value == null) {
            return new DecodedRecord.Poison(null, UNDESERIALIZABLE, "empty record", null);
        }
        Object decoded;
        try {
            decoded = codec.decode(value);
        } catch (RuntimeException e) {
            if (RegistryCodec.isOutage(e)) {
                return new DecodedRecord.Outage(String.valueOf(e.getMessage()));
            }
            return new DecodedRecord.Poison(value, UNDESERIALIZABLE, "not a QueueEventEnvelope: " + e.getMessage(),
                    e.toString());
        }
        if (!(decoded instanceof QueueEventEnvelope envelope)) {
            return new DecodedRecord.Poison(value, UNDESERIALIZABLE,
                    "not a QueueEventEnvelope: a " + decoded.getClass().getName() + " record", null);
        }
        try {
            return new DecodedRecord.Event(mapper.toProjected(envelope));
        } catch (UnsupportedEventException e) {
            // The value decoded, so the dead letter carries it as Avro JSON, readable without the registry.
            String type = envelope.getPayload() == null ? "null" : envelope.getPayload().getClass().getSimpleName();
            return new DecodedRecord.Poison(envelope.toString().getBytes(StandardCharsets.UTF_8), type,
                    e.getMessage(), null);
        }
    }
}
