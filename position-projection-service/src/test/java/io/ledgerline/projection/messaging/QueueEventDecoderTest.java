package io.ledgerline.projection.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.ledgerline.schemas.RegistryCodec;

/** Poison or outage, without a registry: nothing listens on port 9, so every lookup fails on the network. */
class QueueEventDecoderTest {

    private static final byte[] FRAMED = {0, 0, 0, 0, 41, 72, 1, 2};

    private final QueueEventDecoder decoder = new QueueEventDecoder(
            new RegistryCodec("http://127.0.0.1:9/apis/registry/v3"), new QueueEventMapper());

    @Test
    void aFramedRecordWhoseSchemaCannotBeFetchedIsAnOutageNotPoison() {
        assertThat(decoder.decode(FRAMED)).isInstanceOf(DecodedRecord.Outage.class);
    }

    @Test
    void bytesThatAreNotRegistryFramedArePoisonKeptAsTheyCame() {
        byte[] text = "not avro at all".getBytes(StandardCharsets.UTF_8);

        DecodedRecord decoded = decoder.decode(text);

        assertThat(decoded).isInstanceOf(DecodedRecord.Poison.class);
        DecodedRecord.Poison poison = (DecodedRecord.Poison) decoded;
        assertThat(poison.value()).isEqualTo(text);
        assertThat(poison.reason()).startsWith("not a QueueEventEnvelope");
        assertThat(poison.type()).isEqualTo(QueueEventDecoder.UNDESERIALIZABLE);
    }

    @Test
    void tooShortToBeFramedIsPoison() {
        assertThat(decoder.decode(new byte[] {0, 1})).isInstanceOf(DecodedRecord.Poison.class);
    }

    @Test
    void anEmptyRecordIsPoison() {
        assertThat(decoder.decode(null)).isInstanceOfSatisfying(DecodedRecord.Poison.class,
                poison -> assertThat(poison.reason()).isEqualTo("empty record"));
    }
}
