package io.ledgerline.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import ledgerline.queue.v1.QueueSnapshot;
import org.junit.jupiter.api.Test;

class HistoryPointTest {

    private static final Instant NINE = Instant.parse("2026-11-24T09:00:00Z");

    @Test
    void a_point_in_time_takes_events_and_checkpoints_up_to_that_time() {
        HistoryPoint point = HistoryPoint.atTime(NINE);
        assertThat(point.includes(500, NINE)).isTrue();
        assertThat(point.includes(1, NINE.plusMillis(1))).isFalse();
        assertThat(point.admitsCheckpoint(400, NINE.minusSeconds(1))).isTrue();
        assertThat(point.admitsCheckpoint(400, NINE.plusSeconds(1))).isFalse();
        // A checkpoint from before takenAt was recorded cannot be placed in time: it is not used for a time.
        assertThat(point.admitsCheckpoint(400, null)).isFalse();
    }

    @Test
    void a_point_at_a_sequence_takes_everything_up_to_it() {
        HistoryPoint point = HistoryPoint.atSequence(10);
        assertThat(point.includes(10, NINE)).isTrue();
        assertThat(point.includes(11, NINE)).isFalse();
        assertThat(point.admitsCheckpoint(10, null)).isTrue();
        assertThat(point.admitsCheckpoint(11, NINE)).isFalse();
        assertThat(HistoryPoint.NOW.includes(Long.MAX_VALUE, NINE)).isTrue();
    }

    @Test
    void a_point_is_a_sequence_or_a_time_never_both() {
        assertThatThrownBy(() -> new HistoryPoint(3L, NINE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HistoryPoint.atSequence(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_checkpoint_counts_only_with_every_part_of_its_sequence() {
        QueueSnapshot head = part(0, 7);
        assertThat(SnapshotParts.complete(head, Map.of("q#1", part(1, 7), "q#2", part(2, 7))))
                .extracting(QueueSnapshot::getPart).containsExactly(0, 1, 2);
        assertThat(SnapshotParts.complete(head, Map.of("q#1", part(1, 7), "q#2", part(2, 6)))).isNull();
        assertThat(SnapshotParts.complete(head, Map.of("q#1", part(1, 7)))).isNull();
        assertThat(SnapshotParts.key("q", 0)).isEqualTo("q");
        assertThat(SnapshotParts.key("q", 2)).isEqualTo("q#2");
    }

    private static QueueSnapshot part(int part, long sequence) {
        return QueueSnapshot.newBuilder().setQueueId("q").setSequence(sequence).setName("Q").setCapacity(10)
                .setStatus("OPEN").setNextTicket(1).setEntries(List.of()).setReplayFrom(0).setPart(part).setParts(3)
                .build();
    }
}
