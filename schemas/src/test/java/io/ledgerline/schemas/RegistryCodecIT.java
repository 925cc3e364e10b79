package io.ledgerline.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import ledgerline.queue.v1.CommandAccepted;
import ledgerline.queue.v1.CommandResult;
import ledgerline.queue.v1.EntryJoined;
import ledgerline.queue.v1.Priority;
import ledgerline.queue.v1.QueueEventEnvelope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The codec against the real registry of the local stack, on the test topics. Skipped when no registry answers. */
class RegistryCodecIT {

    private static final String EVENTS = "test." + TopicSchemas.QUEUE_EVENTS;
    private static final String RESULTS = "test." + TopicSchemas.COMMAND_RESULTS;

    @BeforeEach
    void registry() {
        assumeTrue(LocalRegistry.answers(), "no Apicurio Registry at " + LocalRegistry.URL + " (./ledgerline up)");
    }

    @Test
    void what_it_writes_it_reads_back_equal_with_timestamps_as_instants() {
        RegistryCodec codec = new RegistryCodec(LocalRegistry.URL);
        QueueEventEnvelope event = QueueEventEnvelope.newBuilder().setEventId("e-1").setQueueId("q").setSequence(7)
                .setOccurredAt(Instant.parse("2026-11-24T09:00:00.123Z")).setCausationCommandId("c-1").setActor("it")
                .setPayload(new EntryJoined("ann", Priority.HIGH, 3L, Instant.parse("2026-11-24T08:59:00Z"), "A-003", null, null, null, null, java.util.Map.of(), null, null)).build();
        CommandResult result = CommandResult.newBuilder().setCommandId("c-1").setQueueId("q")
                .setOutcome(new CommandAccepted(7L, 7L, "ann", "A-003", null)).setRepeated(false).build();

        byte[] eventBytes = codec.encode(EVENTS, event);
        byte[] resultBytes = codec.encode(RESULTS, result);

        assertThat(RegistryCodec.isFramed(eventBytes)).isTrue();
        assertThat(codec.decode(eventBytes)).isEqualTo(event);
        assertThat(codec.decode(resultBytes)).isEqualTo(result);
        assertThat(new RegistryCodec(LocalRegistry.URL).decode(eventBytes)).as("a fresh reader resolves the id")
                .isEqualTo(event);
    }

    @Test
    void prefetch_resolves_every_registered_version_of_the_topics() {
        new RegistryCodec(LocalRegistry.URL).encode(EVENTS, QueueEventEnvelope.newBuilder().setEventId("e").setQueueId("q")
                .setSequence(1).setOccurredAt(Instant.now()).setCausationCommandId("c").setActor("it")
                .setPayload(new EntryJoined("ann", Priority.LOW, 1L, Instant.now(), null, null, null, null, null, java.util.Map.of(), null, null)).build());
        RegistryCodec codec = new RegistryCodec(LocalRegistry.URL);

        codec.prefetch(List.of(EVENTS, RESULTS, "test.no-such-topic"));

        assertThat(codec.knownSchemas()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void bytes_that_are_not_ours_are_refused_and_an_unreachable_registry_is_a_passing_failure() {
        RegistryCodec codec = new RegistryCodec(LocalRegistry.URL);
        assertThatThrownBy(() -> codec.decode("not avro".getBytes())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> codec.decode(new byte[] {0, 0x7f, 0, 0, 0, 1})).isInstanceOf(IllegalStateException.class);
        byte[] whole = codec.encode(RESULTS, CommandResult.newBuilder().setCommandId("c").setQueueId("q")
                .setOutcome(new CommandAccepted(1L, 1L, null, null, null)).setRepeated(false).build());
        assertThatThrownBy(() -> codec.decode(java.util.Arrays.copyOf(whole, whole.length - 1)))
                .as("a record cut short is bad bytes, not an outage").isInstanceOf(IllegalStateException.class)
                .hasNoCause();

        RegistryCodec cutOff = new RegistryCodec("http://127.0.0.1:1/apis/registry/v3");
        assertThatThrownBy(() -> cutOff.decode(new byte[] {0, 0, 0, 0, 1, 2})).isInstanceOf(UncheckedIOException.class);
    }
}
