package io.ledgerline.command.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroupChoiceTest {

    @Test
    void the_shortest_expected_wait_goes_first_not_the_shortest_line() {
        // 10 waiting served 60 an hour (10 minutes) beats 3 waiting served 4 an hour (an hour).
        assertThat(GroupChoice.ranked(List.of(new GroupChoice.Load("slow", "OPEN", 3, 4),
                new GroupChoice.Load("fast", "OPEN", 10, 60)))).containsExactly("fast", "slow");
    }

    @Test
    void a_quiet_queue_counts_as_serving_a_few_an_hour_and_equal_waits_go_to_the_shorter_line_then_by_id() {
        assertThat(GroupChoice.ranked(List.of(new GroupChoice.Load("b", "OPEN", 2, 0),
                new GroupChoice.Load("a", "OPEN", 2, 3), new GroupChoice.Load("c", "PAUSED", 0, 0))))
                .containsExactly("c", "a", "b");
    }

    @Test
    void queues_that_take_no_joins_are_left_out() {
        assertThat(GroupChoice.ranked(List.of(new GroupChoice.Load("closed", "CLOSED", 0, 100),
                new GroupChoice.Load("stopped", "EMERGENCY_STOPPED", 0, 100),
                new GroupChoice.Load("asleep", "SLEEPING", 5, 4)))).containsExactly("asleep");
    }
}
