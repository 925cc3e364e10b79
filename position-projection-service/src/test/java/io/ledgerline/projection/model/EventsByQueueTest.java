package io.ledgerline.projection.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EventsByQueueTest {

    private static ProjectedEvent event(String queueId, long sequence) {
        return new ProjectedEvent("ev", queueId, sequence, Instant.EPOCH, "QueueWoken",
                new Change.QueueStatusSet(QueueStatus.OPEN));
    }

    @Test
    void eachQueueKeepsItsEventsInBatchOrderAndQueuesComeInOrderOfFirstAppearance() {
        Map<String, List<Integer>> byQueue = EventsByQueue.of(List.of(event("b", 7), event("a", 1), event("b", 8),
                event("c", 3), event("a", 2), event("b", 9)));

        assertThat(byQueue.keySet()).containsExactly("b", "a", "c");
        assertThat(byQueue.get("b")).containsExactly(0, 2, 5);
        assertThat(byQueue.get("a")).containsExactly(1, 4);
        assertThat(byQueue.get("c")).containsExactly(3);
    }

    @Test
    void anEmptyBatchHasNoQueues() {
        assertThat(EventsByQueue.of(List.of())).isEmpty();
    }
}
