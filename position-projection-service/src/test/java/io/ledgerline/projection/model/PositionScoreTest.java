package io.ledgerline.projection.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

class PositionScoreTest {

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
                .sorted(Comparator.comparingLong(w -> PositionScore.of(w.priority(), w.ticket())))
                .map(Waiting::id)
                .toList();

        assertThat(order).containsExactly("urgent-5", "urgent-9", "high-4", "normal-1", "normal-3", "low-2");
    }

    @Test
    void aLowTicketNeverOvertakesAHigherClass() {
        assertThat(PositionScore.of(Priority.HIGH, PositionScore.STRIDE - 1))
                .isLessThan(PositionScore.of(Priority.NORMAL, 0));
    }

    @Test
    void scoresStayExactAsDoubles() {
        long largest = PositionScore.of(Priority.LOW, PositionScore.STRIDE - 1);
        assertThat((long) (double) largest).isEqualTo(largest);
        assertThat(largest).isLessThan(1L << 53);
    }

    @Test
    void ticketAndPriorityComeBackFromTheScore() {
        long score = PositionScore.of(Priority.HIGH, 1234);
        assertThat(PositionScore.ticketOf(score)).isEqualTo(1234);
        assertThat(PositionScore.priorityOf(score)).isEqualTo(Priority.HIGH);
    }

    @Test
    void ticketsOutsideTheStrideAreRejected() {
        assertThatThrownBy(() -> PositionScore.of(Priority.URGENT, PositionScore.STRIDE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PositionScore.of(Priority.URGENT, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
