package io.ledgerline.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.faults.LogChecker.Event;
import io.ledgerline.faults.LogChecker.Result;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker must catch each anomaly it claims to: a checker that cannot fail proves nothing. */
class LogCheckerTest {

    private final List<Event> events = new ArrayList<>();
    private final List<Result> results = new ArrayList<>();
    private final List<Acknowledged> acks = new ArrayList<>();
    private long offset;

    /** A command accepted with events #first..#last, committed together, acknowledged to its client. */
    private void accepted(String queue, String command, long first, long last) {
        for (long s = first; s <= last; s++) {
            event(queue, s, command, "id-" + queue + "-" + s);
        }
        results.add(new Result(queue, command, false, true, first, last, null));
        acks.add(new Acknowledged(queue, command, "join", 201, first, last, "e", null));
    }

    private void event(String queue, long sequence, String command, String eventId) {
        events.add(new Event(queue, sequence, eventId, command, 0, offset++));
    }

    private List<String> anomalies() {
        return LogChecker.analyse(events, results, acks, 0).anomalies();
    }

    @Test
    void a_clean_history_has_no_anomaly() {
        accepted("q", "c1", 1, 1);
        accepted("q", "c2", 2, 3);
        results.add(new Result("q", "c2", true, true, 2, 3, null));
        results.add(new Result("q", "c3", false, false, 0, 0, "QUEUE_EMPTY"));
        acks.add(new Acknowledged("q", "c3", "call-next", 409, 0, 0, null, "QUEUE_EMPTY"));

        assertThat(anomalies()).isEmpty();
    }

    @Test
    void a_gap_a_duplicate_and_a_fork_are_caught() {
        accepted("q", "c1", 1, 1);
        accepted("q", "c3", 3, 3);
        assertThat(anomalies()).anyMatch(a -> a.startsWith("gap"));

        events.clear();
        results.clear();
        acks.clear();
        accepted("q", "c1", 1, 1);
        event("q", 1, "c1", "id-q-1");
        assertThat(anomalies()).anyMatch(a -> a.startsWith("duplicate"));

        event("q", 1, "c1", "another-writer");
        assertThat(anomalies()).anyMatch(a -> a.startsWith("fork"));
    }

    @Test
    void an_event_without_its_committed_result_is_an_aborted_read() {
        accepted("q", "c1", 1, 1);
        event("q", 2, "c2", "id-q-2");
        assertThat(anomalies()).anyMatch(a -> a.contains("aborted read"));
    }

    @Test
    void a_result_without_all_its_events_is_a_torn_transaction() {
        accepted("q", "c1", 1, 2);
        events.remove(1);
        assertThat(anomalies()).anyMatch(a -> a.startsWith("torn"));
    }

    @Test
    void an_acknowledged_command_missing_from_the_log_or_answered_otherwise_is_lost() {
        accepted("q", "c1", 1, 1);
        acks.add(new Acknowledged("q", "ghost", "join", 201, 2, 2, "e", null));
        acks.add(new Acknowledged("q", "c1", "join", 201, 7, 7, "e", null));
        assertThat(anomalies()).filteredOn(a -> a.startsWith("lost")).hasSize(2);
    }

    @Test
    void two_first_outcomes_or_a_repeat_that_differs_are_caught() {
        accepted("q", "c1", 1, 1);
        results.add(new Result("q", "c1", false, false, 0, 0, "QUEUE_FULL"));
        assertThat(anomalies()).anyMatch(a -> a.startsWith("two first outcomes"));

        results.remove(results.size() - 1);
        results.add(new Result("q", "c1", true, false, 0, 0, "IDEMPOTENCY_KEY_REUSED"));
        assertThat(anomalies()).anyMatch(a -> a.startsWith("a repeat answered differently"));
    }

    @Test
    void answers_a_careful_client_never_deserves_are_anomalies() {
        acks.add(new Acknowledged("q", "c9", "join", 422, 0, 0, null, "IDEMPOTENCY_KEY_REUSED"));
        acks.add(new Acknowledged("q", "c8", "join", 500, 0, 0, null, "PROCESSING_FAILED"));
        assertThat(anomalies()).filteredOn(a -> a.startsWith("unexpected answer")).hasSize(2);
    }
}
