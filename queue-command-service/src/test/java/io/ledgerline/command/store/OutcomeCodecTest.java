package io.ledgerline.command.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.command.model.CommandOutcome;
import io.ledgerline.command.model.RememberedOutcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutcomeCodecTest {

    private static final Instant DECIDED = Instant.parse("2026-11-23T09:00:00.123Z");
    private static final String FINGERPRINT = "00112233445566778899aabbccddeeff";

    @Test
    void accepted_and_rejected_outcomes_survive_the_round_trip() {
        for (CommandOutcome outcome : new CommandOutcome[] {
                new CommandOutcome.Accepted(41, 42, "ann", "A-041"),
                new CommandOutcome.Accepted(7, 7, null, null),
                new CommandOutcome.Rejected("QUEUE_FULL", "queue q holds its capacity of 10 entries")}) {
            RememberedOutcome remembered = new RememberedOutcome(FINGERPRINT, DECIDED, outcome);
            assertThat(OutcomeCodec.decode(OutcomeCodec.encode(remembered))).isEqualTo(remembered);
        }
    }

    @Test
    void a_value_written_before_entries_had_numbers_still_reads() {
        RememberedOutcome remembered = new RememberedOutcome(FINGERPRINT, DECIDED,
                new CommandOutcome.Accepted(41, 42, "ann", null));
        byte[] now = OutcomeCodec.encode(remembered);
        byte[] before = java.util.Arrays.copyOf(now, now.length - 2); // without the empty number's length

        assertThat(OutcomeCodec.decode(before)).isEqualTo(remembered);
    }

    @Test
    void an_accepted_join_takes_a_few_dozen_bytes() {
        byte[] value = OutcomeCodec.encode(new RememberedOutcome(FINGERPRINT, DECIDED,
                new CommandOutcome.Accepted(123_456, 123_456, "0b7c1f0e-3a4d-4e58-9a71-2d6a0c9e5f11", "A-123456")));
        assertThat(value.length).isLessThan(90);
    }

    @Test
    void keys_of_one_command_id_on_two_queues_differ() {
        assertThat(OutcomeCodec.key("a", "k1")).isNotEqualTo(OutcomeCodec.key("b", "k1"));
        assertThat(OutcomeCodec.key("ab", "c")).isNotEqualTo(OutcomeCodec.key("a", "bc"));
    }
}
