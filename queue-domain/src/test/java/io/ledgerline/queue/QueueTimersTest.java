package io.ledgerline.queue;

import static io.ledgerline.queue.Fixtures.Q;
import static io.ledgerline.queue.Fixtures.WAKE_AT;
import static io.ledgerline.queue.Fixtures.created;
import static io.ledgerline.queue.Fixtures.queueIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class QueueTimersTest {

    @Test
    void a_sleeping_queue_is_due_to_wake_at_its_wake_time_and_not_a_moment_before() {
        QueueState sleeping = QueueDecider.replay(queueIn(QueueStatus.SLEEPING));

        assertThat(QueueTimers.nextDue(sleeping)).contains(WAKE_AT);
        assertThat(QueueTimers.due(sleeping, WAKE_AT.minusMillis(1))).isEmpty();
        assertThat(QueueTimers.due(sleeping, WAKE_AT)).containsExactly(
                new QueueTimers.TimerCommand("timer.wake." + WAKE_AT.toEpochMilli(), new WakeQueue(Q)));
    }

    @Test
    void the_wake_it_asks_for_is_accepted_and_leaves_nothing_due() {
        List<QueueEvent> history = new ArrayList<>(queueIn(QueueStatus.SLEEPING));
        QueueState sleeping = QueueDecider.replay(history);
        var wake = QueueTimers.due(sleeping, WAKE_AT.plusSeconds(5)).get(0).command();

        Decision decision = QueueDecider.decide(wake, sleeping);

        assertThat(decision).isEqualTo(Decision.accept(new QueueWoken(Q)));
        history.add(new QueueWoken(Q));
        QueueState woken = QueueDecider.replay(history);
        assertThat(QueueTimers.nextDue(woken)).isEmpty();
        assertThat(QueueTimers.due(woken, WAKE_AT.plusSeconds(5))).isEmpty();
    }

    @Test
    void the_same_sleep_gives_the_same_command_id_whenever_it_is_asked_so_a_second_firing_is_a_repeat() {
        QueueState sleeping = QueueDecider.replay(queueIn(QueueStatus.SLEEPING));

        assertThat(QueueTimers.due(sleeping, WAKE_AT).get(0).commandId())
                .isEqualTo(QueueTimers.due(sleeping, WAKE_AT.plusSeconds(3600)).get(0).commandId());
    }

    @Test
    void a_second_sleep_is_a_new_timer_with_a_new_id() {
        List<QueueEvent> history = new ArrayList<>(queueIn(QueueStatus.SLEEPING));
        String first = QueueTimers.due(QueueDecider.replay(history), WAKE_AT).get(0).commandId();
        history.add(new QueueWoken(Q));
        history.add(new QueueSlept(Q, WAKE_AT.plusSeconds(60)));

        String second = QueueTimers.due(QueueDecider.replay(history), WAKE_AT.plusSeconds(60)).get(0).commandId();

        assertThat(second).isNotEqualTo(first);
    }

    @ParameterizedTest
    @EnumSource(value = QueueStatus.class, names = "SLEEPING", mode = EnumSource.Mode.EXCLUDE)
    void a_queue_that_does_not_sleep_has_nothing_due(QueueStatus status) {
        QueueState state = QueueDecider.replay(queueIn(status));

        assertThat(QueueTimers.nextDue(state)).isEmpty();
        assertThat(QueueTimers.due(state, WAKE_AT.plusSeconds(86_400))).isEmpty();
    }

    @Test
    void a_queue_nobody_created_has_nothing_due() {
        assertThat(QueueTimers.nextDue(QueueDecider.initialState())).isEmpty();
        assertThat(QueueTimers.nextDue(QueueDecider.replay(List.of(created())))).isEmpty();
    }
}
