package io.ledgerline.queue;

import static io.ledgerline.queue.DeciderSpec.given;
import static io.ledgerline.queue.Fixtures.Q;
import static io.ledgerline.queue.Fixtures.T0;
import static io.ledgerline.queue.Fixtures.created;
import static io.ledgerline.queue.Fixtures.joined;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The limits every road into the decider shares: whatever a REST caller cannot send, a topic record cannot either. */
class FieldLimitsTest {

    private static final String LONGEST_ID = "a".repeat(FieldLimits.ID_MAX);

    @Test
    void an_id_of_the_longest_allowed_length_is_accepted_and_one_more_character_is_not() {
        given().when(new CreateQueue(LONGEST_ID, "Clinic", 10)).thenEvents(new QueueCreated(LONGEST_ID, "Clinic", 10));
        given().when(new CreateQueue(LONGEST_ID + "a", "Clinic", 10))
                .thenRejected(RejectionReason.INVALID_COMMAND).withDetailContaining("queueId must be 1-128");
        given(created()).when(new JoinQueue(Q, "e".repeat(300), Priority.NORMAL, T0))
                .thenRejected(RejectionReason.INVALID_COMMAND).withDetailContaining("entryId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-starts-with-dash", "has space", "slash/inside", "ünïcode", "new\nline", "semi;colon"})
    void ids_outside_the_safe_alphabet_are_refused(String id) {
        given(created()).when(new JoinQueue(Q, id, Priority.NORMAL, T0)).thenRejected(RejectionReason.INVALID_COMMAND);
        given(created(), joined("e1", Priority.NORMAL, 1))
                .when(new TransferEntry(Q, "e1", id, "closer")).thenRejected(RejectionReason.INVALID_COMMAND);
    }

    @Test
    void names_reasons_and_justifications_are_bounded_and_free_of_control_characters() {
        given().when(new CreateQueue(Q, "n".repeat(FieldLimits.NAME_MAX + 1), 10))
                .thenRejected(RejectionReason.INVALID_COMMAND).withDetailContaining("longer than 200");
        given(created()).when(new PauseQueue(Q, "r".repeat(FieldLimits.TEXT_MAX + 1)))
                .thenRejected(RejectionReason.INVALID_COMMAND);
        given(created()).when(new EmergencyStopQueue(Q, "fire\u0000alarm"))
                .thenRejected(RejectionReason.INVALID_COMMAND).withDetailContaining("control characters");
        given(created(), joined("e1", Priority.NORMAL, 1))
                .when(new ChangePriority(Q, "e1", Priority.HIGH, "j".repeat(FieldLimits.TEXT_MAX + 1)))
                .thenRejected(RejectionReason.INVALID_COMMAND);
        given(created()).when(new PauseQueue(Q, "lunch\nback at two")).thenEvents(new QueuePaused(Q, "lunch\nback at two"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, FieldLimits.CAPACITY_MAX + 1, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void capacities_stay_within_one_and_a_million(int capacity) {
        given().when(new CreateQueue(Q, "Clinic", capacity)).thenRejected(RejectionReason.INVALID_COMMAND);
        given(created()).when(new ConfigureQueue(Q, "Clinic", capacity)).thenRejected(RejectionReason.INVALID_COMMAND);
    }

    @Test
    void a_queue_sleeps_only_until_a_time_after_the_request_and_within_a_year() {
        given(created()).when(new SleepQueue(Q, Instant.EPOCH, T0))
                .thenRejected(RejectionReason.INVALID_COMMAND).withDetailContaining("not after");
        given(created()).when(new SleepQueue(Q, T0, T0)).thenRejected(RejectionReason.INVALID_COMMAND);
        given(created()).when(new SleepQueue(Q, T0.plus(FieldLimits.SLEEP_HORIZON).plusSeconds(1), T0))
                .thenRejected(RejectionReason.INVALID_COMMAND).withDetailContaining("days ahead");
        given(created()).when(new SleepQueue(Q, T0.plus(FieldLimits.SLEEP_HORIZON), T0))
                .thenEvents(new QueueSlept(Q, T0.plus(FieldLimits.SLEEP_HORIZON)));
    }

    @Test
    void the_shape_check_is_the_one_rest_asks_too() {
        assertThat(CommandShape.problem(new JoinQueue(Q, "ok-id", Priority.NORMAL, T0))).isNull();
        assertThat(CommandShape.problem(new JoinQueue(Q, "x".repeat(129), Priority.NORMAL, T0)))
                .isEqualTo(FieldLimits.id("entryId", "x".repeat(129)));
    }
}
