package io.ledgerline.projection.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.ledgerline.queue.CallingOrder;

/** The key that events written before order keys existed mean: strict priority, then ticket. */
class LegacyOrderKeyTest {

    record Waiting(String id, Priority priority, long ticket) {
    }

    @Test
    void strictPriorityThenFifoByTicket() {
        List<Waiting> waiting = List.of(
                new Waiting("normal-1", Priority.NORMAL, 1),
                new Waiting("low-2", Priority.LOW, 2),
                new Waiting("urgent-9", Priority.URGENT, 9),
                new Waiting("normal-3", Priority.NORMAL, 3),
                new Waiting("high-4", Priority.HIGH, 4),
                new Waiting("urgent-5", Priority.URGENT, 5));

        List<String> order = waiting.stream()
                .sorted(Comparator.comparingLong(w -> LegacyOrderKey.of(w.priority(), w.ticket())))
                .map(Waiting::id)
                .toList();

        assertThat(order).containsExactly("urgent-5", "urgent-9", "high-4", "normal-1", "normal-3", "low-2");
    }

    @Test
    void theContractsNumbers() {
        // As the schema's doc says: priority index (URGENT 0 ... LOW 3) x 10^13 + ticket.
        assertThat(LegacyOrderKey.of(Priority.URGENT, 7)).isEqualTo(7L);
        assertThat(LegacyOrderKey.of(Priority.LOW, 42)).isEqualTo(30_000_000_000_042L);
        assertThat(LegacyOrderKey.classBase(Priority.HIGH) + 5).isEqualTo(LegacyOrderKey.of(Priority.HIGH, 5));
    }

    @Test
    void isTheDomainsStrictKey() {
        for (Priority priority : Priority.values()) {
            for (long ticket : new long[] {0, 1, 999, LegacyOrderKey.STRIDE - 1}) {
                assertThat(LegacyOrderKey.of(priority, ticket)).isEqualTo(
                        CallingOrder.strictKey(io.ledgerline.queue.Priority.valueOf(priority.name()), ticket));
            }
        }
    }

    @Test
    void aLowTicketNeverOvertakesAHigherClass() {
        assertThat(LegacyOrderKey.of(Priority.HIGH, LegacyOrderKey.STRIDE - 1))
                .isLessThan(LegacyOrderKey.of(Priority.NORMAL, 0));
    }

    @Test
    void keysStayExactAsDoubles() {
        long largest = LegacyOrderKey.of(Priority.LOW, LegacyOrderKey.STRIDE - 1);
        assertThat((long) (double) largest).isEqualTo(largest);
        assertThat(largest).isLessThan(1L << 53);
    }

    @Test
    void ticketsOutsideTheStrideAreRejected() {
        assertThatThrownBy(() -> LegacyOrderKey.of(Priority.URGENT, LegacyOrderKey.STRIDE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LegacyOrderKey.of(Priority.URGENT, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
