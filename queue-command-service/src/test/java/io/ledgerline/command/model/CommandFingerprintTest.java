package io.ledgerline.command.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.queue.CallNext;
import io.ledgerline.queue.CreateQueue;
import io.ledgerline.queue.JoinQueue;
import io.ledgerline.queue.PauseQueue;
import io.ledgerline.queue.Priority;
import io.ledgerline.queue.SleepQueue;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CommandFingerprintTest {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void a_retry_stamped_at_another_time_is_the_same_request() {
        assertThat(CommandFingerprint.of(new JoinQueue("q", "ann", Priority.HIGH, T0)))
                .isEqualTo(CommandFingerprint.of(new JoinQueue("q", "ann", Priority.HIGH, T0.plusSeconds(30))));
        assertThat(CommandFingerprint.of(new CallNext("q", T0)))
                .isEqualTo(CommandFingerprint.of(new CallNext("q", T0.plusSeconds(1))));
        assertThat(CommandFingerprint.of(new SleepQueue("q", T0.plusSeconds(600), T0)))
                .isEqualTo(CommandFingerprint.of(new SleepQueue("q", T0.plusSeconds(600), T0.plusSeconds(3))));
    }

    @Test
    void any_other_content_is_another_request() {
        String join = CommandFingerprint.of(new JoinQueue("q", "ann", Priority.HIGH, T0));
        assertThat(CommandFingerprint.of(new JoinQueue("q", "ann", Priority.LOW, T0))).isNotEqualTo(join);
        assertThat(CommandFingerprint.of(new JoinQueue("q", "bob", Priority.HIGH, T0))).isNotEqualTo(join);
        assertThat(CommandFingerprint.of(new JoinQueue("r", "ann", Priority.HIGH, T0))).isNotEqualTo(join);
        assertThat(CommandFingerprint.of(new SleepQueue("q", T0.plusSeconds(60), T0)))
                .isNotEqualTo(CommandFingerprint.of(new SleepQueue("q", T0.plusSeconds(61), T0)));
        var tagged = new io.ledgerline.queue.QueueSettings(java.util.List.of("critical"), "", 0, null,
                io.ledgerline.queue.RetryPolicy.DEFAULT);
        assertThat(CommandFingerprint.of(new CreateQueue("q", "Q", 5, tagged)))
                .isNotEqualTo(CommandFingerprint.of(new CreateQueue("q", "Q", 5)));
        assertThat(CommandFingerprint.of(new CallNext("q", T0, "desk 4")))
                .isNotEqualTo(CommandFingerprint.of(new CallNext("q", T0)));
    }

    @Test
    void field_boundaries_cannot_be_forged_with_separators() {
        assertThat(CommandFingerprint.of(new CreateQueue("q", "a;1", 2)))
                .isNotEqualTo(CommandFingerprint.of(new CreateQueue("q", "a", 12)));
        assertThat(CommandFingerprint.of(new PauseQueue("q", "")))
                .isNotEqualTo(CommandFingerprint.of(new PauseQueue("q", null)));
    }

    @Test
    void is_sixteen_bytes_of_hex() {
        assertThat(CommandFingerprint.of(new CallNext("q", T0))).matches("[0-9a-f]{32}");
    }
}
