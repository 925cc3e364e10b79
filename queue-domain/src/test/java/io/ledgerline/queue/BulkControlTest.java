package io.ledgerline.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkControlTest {

    private static final TagSelector CRITICAL_NORTH = new TagSelector(List.of("north", "critical"));

    private static QueueState queue(String id, List<String> tags, QueueEvent... after) {
        List<QueueEvent> history = new ArrayList<>();
        history.add(new QueueCreated(id, id, 10, new QueueSettings(tags, "", 0, null, RetryPolicy.DEFAULT)));
        history.addAll(List.of(after));
        return QueueDecider.replay(history);
    }

    @Test
    void a_stop_by_tags_stops_each_queue_carrying_every_tag_with_its_own_command() {
        var stop = new EmergencyStopByTags(CRITICAL_NORTH, "flood in the north office");
        QueueState both = queue("q1", List.of("critical", "north", "desk"));

        BulkControl.Step step = BulkControl.stepFor(stop, both).orElseThrow();

        assertThat(step.command()).isEqualTo(new EmergencyStopQueue("q1", "flood in the north office"));
        assertThat(QueueDecider.decide(step.command(), both))
                .isEqualTo(Decision.accept(new QueueEmergencyStopped("q1", "flood in the north office")));
    }

    @Test
    void a_queue_missing_a_tag_is_not_selected() {
        var stop = new EmergencyStopByTags(CRITICAL_NORTH, "flood");

        assertThat(BulkControl.stepFor(stop, queue("q2", List.of("critical")))).isEmpty();
        assertThat(BulkControl.stepFor(stop, queue("q3", List.of()))).isEmpty();
        assertThat(BulkControl.stepFor(stop, QueueDecider.initialState())).isEmpty();
    }

    @Test
    void a_queue_already_stopped_is_reported_so_and_gets_no_command() {
        var stop = new EmergencyStopByTags(CRITICAL_NORTH, "flood");
        QueueState stopped = queue("q1", List.of("critical", "north"), new QueueEmergencyStopped("q1", "earlier"));

        assertThat(BulkControl.stepFor(stop, stopped)).contains(BulkControl.Step.ALREADY_DONE);
    }

    @Test
    void a_resume_by_tags_lifts_emergency_stops_only_and_leaves_paused_queues_paused() {
        var resume = new ResumeByTags(CRITICAL_NORTH);
        QueueState stopped = queue("q1", List.of("critical", "north"), new QueueEmergencyStopped("q1", "flood"));
        QueueState paused = queue("q2", List.of("critical", "north"), new QueuePaused("q2", "lunch"));
        QueueState open = queue("q3", List.of("critical", "north"));

        assertThat(BulkControl.stepFor(resume, stopped).orElseThrow().command()).isEqualTo(new ResumeQueue("q1"));
        assertThat(BulkControl.stepFor(resume, paused)).contains(BulkControl.Step.ALREADY_DONE);
        assertThat(BulkControl.stepFor(resume, open)).contains(BulkControl.Step.ALREADY_DONE);
    }

    @Test
    void a_selector_needs_at_least_one_well_formed_tag_and_a_stop_needs_a_reason() {
        assertThat(BulkControl.problem(new EmergencyStopByTags(new TagSelector(List.of()), "flood")))
                .contains("at least one tag");
        assertThat(BulkControl.problem(new ResumeByTags(new TagSelector(List.of("a b"))))).contains("tag must");
        assertThat(BulkControl.problem(new EmergencyStopByTags(CRITICAL_NORTH, " "))).contains("reason");
        assertThat(BulkControl.problem(new EmergencyStopByTags(null, "flood"))).contains("selector");
        assertThat(BulkControl.problem(new EmergencyStopByTags(CRITICAL_NORTH, "flood"))).isNull();
    }
}
