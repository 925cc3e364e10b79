package io.ledgerline.queue;

import static io.ledgerline.queue.DeciderSpec.given;
import static io.ledgerline.queue.Fixtures.Q;
import static io.ledgerline.queue.Fixtures.T0;
import static io.ledgerline.queue.Fixtures.joined;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A full queue with an overflow queue sends joins on to it, once; without one it refuses them. */
class OverflowTest {

    private static final EntryDetails LEAD = new EntryDetails("callback", "crm-1", null, Map.of("lang", "de"));

    private static QueueCreated fullAtTwo(String overflowTo) {
        return new QueueCreated(Q, "Clinic A", 2,
                new QueueSettings(List.of(), "", 0, null, RetryPolicy.DEFAULT, null, overflowTo));
    }

    @Test
    void a_join_that_finds_the_queue_full_goes_on_to_its_overflow_queue_as_asked() {
        given(fullAtTwo("clinic-b"), joined("e1", Priority.NORMAL, 1), joined("e2", Priority.NORMAL, 2))
                .when(new JoinQueue(Q, "e3", Priority.HIGH, T0, T0.plusSeconds(60), LEAD))
                .thenEvents(new EntryOverflowed(Q, "e3", "clinic-b", Priority.HIGH, T0, T0.plusSeconds(60), LEAD))
                .thenState(state -> {
                    assertThat(state.activeCount()).isEqualTo(2);
                    assertThat(state.nextTicket()).isEqualTo(3);
                });
        assertThat(new EntryOverflowed(Q, "e3", "clinic-b", Priority.HIGH, T0, null, LEAD).forwardedJoin())
                .isEqualTo(new JoinQueue("clinic-b", "e3", Priority.HIGH, T0, null, LEAD, Q));
    }

    @Test
    void a_forwarded_join_does_not_overflow_again_and_a_queue_without_overflow_refuses() {
        given(fullAtTwo("clinic-c"), joined("e1", Priority.NORMAL, 1), joined("e2", Priority.NORMAL, 2))
                .when(new JoinQueue(Q, "e3", Priority.LOW, T0, null, null, "clinic-z"))
                .thenRejected(RejectionReason.QUEUE_FULL).withDetailContaining("overflowed from clinic-z");
        given(fullAtTwo(null), joined("e1", Priority.NORMAL, 1), joined("e2", Priority.NORMAL, 2))
                .when(new JoinQueue(Q, "e3", Priority.LOW, T0))
                .thenRejected(RejectionReason.QUEUE_FULL);
    }

    @Test
    void a_queue_cannot_overflow_into_itself_or_into_a_malformed_id() {
        for (String bad : List.of(Q, "has space")) {
            given().when(new CreateQueue(Q, "Clinic A", 2,
                            new QueueSettings(List.of(), "", 0, null, RetryPolicy.DEFAULT, null, bad)))
                    .thenRejected(RejectionReason.INVALID_COMMAND);
        }
    }
}
