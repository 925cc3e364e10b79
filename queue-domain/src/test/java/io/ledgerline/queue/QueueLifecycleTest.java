package io.ledgerline.queue;

import static io.ledgerline.queue.DeciderSpec.given;
import static io.ledgerline.queue.Fixtures.Q;
import static io.ledgerline.queue.Fixtures.T0;
import static io.ledgerline.queue.Fixtures.WAKE_AT;
import static io.ledgerline.queue.Fixtures.created;
import static io.ledgerline.queue.Fixtures.joined;
import static io.ledgerline.queue.Fixtures.queueIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class QueueLifecycleTest {

    @Test
    void a_new_queue_is_created_open() {
        given().when(new CreateQueue(Q, "Clinic A", 10))
                .thenEvents(new QueueCreated(Q, "Clinic A", 10))
                .thenState(state -> {
                    assertThat(state.exists()).isTrue();
                    assertThat(state.status()).isEqualTo(QueueStatus.OPEN);
                    assertThat(state.capacity()).isEqualTo(10);
                    assertThat(state.nextTicket()).isEqualTo(1);
                });
    }

    @Test
    void a_queue_cannot_be_created_twice() {
        given(created()).when(new CreateQueue(Q, "Other name", 5)).thenRejected(RejectionReason.QUEUE_ALREADY_EXISTS);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "clinic-a, Clinic A, 0",
            "clinic-a, Clinic A, -3",
            "clinic-a, '  ',     10",
            "clinic-a, NULL,     10",
            "'',       Clinic A, 10",
            "NULL,     Clinic A, 10"})
    void a_queue_needs_an_id_a_name_and_a_positive_capacity(String queueId, String name, int capacity) {
        given().when(new CreateQueue(queueId, name, capacity)).thenRejected(RejectionReason.INVALID_COMMAND);
    }

    static Stream<QueueCommand> everyCommandButCreate() {
        return Fixtures.everyCommand().stream().filter(command -> !(command instanceof CreateQueue));
    }

    @ParameterizedTest
    @MethodSource("everyCommandButCreate")
    void every_other_command_needs_an_existing_queue(QueueCommand command) {
        given().when(command).thenRejected(RejectionReason.QUEUE_NOT_FOUND).withDetailContaining(Q);
    }

    @Test
    void a_command_is_not_applied_to_another_queues_state() {
        given(created()).when(new PauseQueue("clinic-b", "lunch")).thenRejected(RejectionReason.INVALID_COMMAND);
    }

    @Test
    void configuring_sets_name_and_capacity() {
        given(created()).when(new ConfigureQueue(Q, "Clinic A (west)", 3))
                .thenEvents(new QueueConfigured(Q, "Clinic A (west)", 3))
                .thenState(state -> assertThat(state.name()).isEqualTo("Clinic A (west)"));
    }

    @Test
    void capacity_cannot_go_below_the_active_entries() {
        given(created(), joined("e1", Priority.NORMAL, 1), joined("e2", Priority.LOW, 2), Fixtures.called("e1"))
                .when(new ConfigureQueue(Q, "Clinic A", 1))
                .thenRejected(RejectionReason.QUEUE_FULL);
    }

    @Test
    void capacity_may_equal_the_active_entries() {
        given(created(), joined("e1", Priority.NORMAL, 1), joined("e2", Priority.LOW, 2))
                .when(new ConfigureQueue(Q, "Clinic A", 2))
                .thenEvents(new QueueConfigured(Q, "Clinic A", 2));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {"Clinic A, 0", "'', 5", "NULL, 5"})
    void configuring_needs_a_name_and_a_positive_capacity(String name, int capacity) {
        given(created()).when(new ConfigureQueue(Q, name, capacity)).thenRejected(RejectionReason.INVALID_COMMAND);
    }

    @Test
    void configuring_is_allowed_during_an_emergency_stop() {
        given(queueIn(QueueStatus.EMERGENCY_STOPPED)).when(new ConfigureQueue(Q, "Clinic A", 4))
                .thenEvents(new QueueConfigured(Q, "Clinic A", 4));
    }

    private static final Map<String, QueueCommand> TRANSITIONS = Map.of(
            "pause", new PauseQueue(Q, "lunch"),
            "resume", new ResumeQueue(Q),
            "sleep", new SleepQueue(Q, WAKE_AT, T0),
            "wake", new WakeQueue(Q),
            "open", new OpenQueue(Q),
            "close", new CloseQueue(Q),
            "stop", new EmergencyStopQueue(Q, "fire alarm"));

    /** The whole status table: a status name means accepted into that status, anything else is a rejection reason. */
    @ParameterizedTest(name = "{0} from {1} -> {2}")
    @CsvSource({
            "pause,  OPEN, PAUSED", "pause, PAUSED, QUEUE_PAUSED", "pause, SLEEPING, PAUSED",
            "pause,  CLOSED, QUEUE_CLOSED", "pause, EMERGENCY_STOPPED, QUEUE_EMERGENCY_STOPPED",
            "resume, OPEN, INVALID_COMMAND", "resume, PAUSED, OPEN", "resume, SLEEPING, QUEUE_SLEEPING",
            "resume, CLOSED, QUEUE_CLOSED", "resume, EMERGENCY_STOPPED, OPEN",
            "sleep,  OPEN, SLEEPING", "sleep, PAUSED, SLEEPING", "sleep, SLEEPING, QUEUE_SLEEPING",
            "sleep,  CLOSED, QUEUE_CLOSED", "sleep, EMERGENCY_STOPPED, QUEUE_EMERGENCY_STOPPED",
            "wake,   OPEN, INVALID_COMMAND", "wake, PAUSED, QUEUE_PAUSED", "wake, SLEEPING, OPEN",
            "wake,   CLOSED, QUEUE_CLOSED", "wake, EMERGENCY_STOPPED, QUEUE_EMERGENCY_STOPPED",
            "open,   OPEN, INVALID_COMMAND", "open, PAUSED, QUEUE_PAUSED", "open, SLEEPING, QUEUE_SLEEPING",
            "open,   CLOSED, OPEN", "open, EMERGENCY_STOPPED, OPEN",
            "close,  OPEN, CLOSED", "close, PAUSED, CLOSED", "close, SLEEPING, CLOSED",
            "close,  CLOSED, QUEUE_CLOSED", "close, EMERGENCY_STOPPED, QUEUE_EMERGENCY_STOPPED",
            "stop,   OPEN, EMERGENCY_STOPPED", "stop, PAUSED, EMERGENCY_STOPPED", "stop, SLEEPING, EMERGENCY_STOPPED",
            "stop,   CLOSED, EMERGENCY_STOPPED", "stop, EMERGENCY_STOPPED, QUEUE_EMERGENCY_STOPPED"})
    void status_transitions(String command, QueueStatus from, String expected) {
        DeciderSpec.Then then = given(queueIn(from)).when(TRANSITIONS.get(command));
        if (Set.of("OPEN", "PAUSED", "SLEEPING", "CLOSED", "EMERGENCY_STOPPED").contains(expected)) {
            then.thenState(state -> assertThat(state.status()).isEqualTo(QueueStatus.valueOf(expected)));
            assertThat(then.decision().isAccepted()).isTrue();
        } else {
            then.thenRejected(RejectionReason.valueOf(expected)).withDetailContaining(from.name());
        }
    }

    @Test
    void each_transition_records_its_own_event() {
        given(created()).when(new PauseQueue(Q, "lunch")).thenEvents(new QueuePaused(Q, "lunch"));
        given(queueIn(QueueStatus.PAUSED)).when(new ResumeQueue(Q)).thenEvents(new QueueResumed(Q));
        given(created()).when(new SleepQueue(Q, WAKE_AT, T0)).thenEvents(new QueueSlept(Q, WAKE_AT))
                .thenState(state -> assertThat(state.sleepingUntil()).isEqualTo(WAKE_AT));
        given(queueIn(QueueStatus.SLEEPING)).when(new WakeQueue(Q)).thenEvents(new QueueWoken(Q))
                .thenState(state -> assertThat(state.sleepingUntil()).isNull());
        given(queueIn(QueueStatus.CLOSED)).when(new OpenQueue(Q)).thenEvents(new QueueOpened(Q));
        given(created()).when(new CloseQueue(Q)).thenEvents(new QueueClosed(Q));
        given(created()).when(new EmergencyStopQueue(Q, "fire alarm"))
                .thenEvents(new QueueEmergencyStopped(Q, "fire alarm"));
        given(queueIn(QueueStatus.EMERGENCY_STOPPED)).when(new ResumeQueue(Q)).thenEvents(new QueueResumed(Q));
        given(queueIn(QueueStatus.EMERGENCY_STOPPED)).when(new OpenQueue(Q)).thenEvents(new QueueOpened(Q));
    }

    @Test
    void resuming_an_open_queue_says_it_is_open() {
        given(created()).when(new ResumeQueue(Q))
                .thenRejected(RejectionReason.INVALID_COMMAND)
                .withDetailContaining("while it is OPEN");
    }

    @Test
    void a_pause_reason_is_optional() {
        given(created()).when(new PauseQueue(Q, null)).thenEvents(new QueuePaused(Q, ""));
    }

    @Test
    void sleeping_needs_a_wake_time() {
        given(created()).when(new SleepQueue(Q, null, T0)).thenRejected(RejectionReason.INVALID_COMMAND);
    }

    @Test
    void an_emergency_stop_needs_a_reason() {
        given(created()).when(new EmergencyStopQueue(Q, " ")).thenRejected(RejectionReason.INVALID_COMMAND);
        given(created()).when(new EmergencyStopQueue(Q, null)).thenRejected(RejectionReason.INVALID_COMMAND);
    }

    static Stream<QueueCommand> commandsBlockedByAnEmergencyStop() {
        Set<Class<?>> stillAllowed = Set.of(
                CreateQueue.class, ResumeQueue.class, OpenQueue.class, LeaveQueue.class, ConfigureQueue.class,
                ScheduleQueue.class);
        return Fixtures.everyCommand().stream().filter(command -> !stillAllowed.contains(command.getClass()));
    }

    @ParameterizedTest
    @MethodSource("commandsBlockedByAnEmergencyStop")
    void an_emergency_stop_blocks_everything_but_resume_open_leave_configure_and_planning(QueueCommand command) {
        given(queueIn(QueueStatus.EMERGENCY_STOPPED)).and(joined("e1", Priority.NORMAL, 1))
                .when(command)
                .thenRejected(RejectionReason.QUEUE_EMERGENCY_STOPPED);
    }

    @Test
    void an_emergency_stop_keeps_the_people_in_the_queue() {
        given(created(), joined("e1", Priority.NORMAL, 1)).when(new EmergencyStopQueue(Q, "fire alarm"))
                .thenState(state -> assertThat(state.rankOf("e1")).hasValue(1));
    }

    @Test
    void sleeping_until_is_forgotten_when_the_queue_leaves_sleep() {
        given(queueIn(QueueStatus.SLEEPING)).when(new PauseQueue(Q, "staff meeting"))
                .thenState(state -> assertThat(state.sleepingUntil()).isNull());
        given(queueIn(QueueStatus.SLEEPING)).when(new CallNext(Q, T0)).thenRejected(RejectionReason.QUEUE_SLEEPING);
    }
}
