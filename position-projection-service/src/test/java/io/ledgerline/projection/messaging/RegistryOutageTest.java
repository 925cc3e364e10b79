package io.ledgerline.projection.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RegistryOutageTest {

    private static final byte[] FRAMED = {0, 0, 0, 0, 41, 72, 1, 2};

    @Test
    void a_framed_record_that_failed_on_the_network_is_an_outage_not_poison() {
        assertThat(RegistryOutage.suspected(FRAMED, "java.net.ConnectException: Connection refused")).isTrue();
        assertThat(RegistryOutage.suspected(FRAMED, "io.vertx.core.VertxException: Connection refused")).isTrue();
    }

    @Test
    void bytes_that_are_not_registry_framed_are_poison_whatever_the_cause() {
        byte[] text = "not avro at all".getBytes(StandardCharsets.UTF_8);
        assertThat(RegistryOutage.suspected(text, "java.net.ConnectException: Connection refused")).isFalse();
        assertThat(RegistryOutage.suspected(null, "java.net.ConnectException")).isFalse();
        assertThat(RegistryOutage.suspected(new byte[] {0, 1}, "java.net.ConnectException")).isFalse();
    }

    @Test
    void a_framed_record_the_registry_does_not_know_is_poison() {
        assertThat(RegistryOutage.suspected(FRAMED, "ArtifactNotFoundException: No content with id 41")).isFalse();
        assertThat(RegistryOutage.suspected(FRAMED, null)).isFalse();
    }
}
