package io.ledgerline.projection.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ReplayGateTest {

    private final ReplayGate gate = new ReplayGate();
    private final ReplayGenerationInterceptor interceptor = new ReplayGenerationInterceptor();

    private ConsumerRecord<Object, Object> polled(long offset) {
        ConsumerRecord<Object, Object> record = new ConsumerRecord<>("events", 0, offset, "q", "v");
        interceptor.onConsume(new ConsumerRecords<>(
                Map.of(new TopicPartition("events", 0), List.of(record)), Map.of()));
        return record;
    }

    private Optional<CompletableFuture<Void>> enter(ConsumerRecord<Object, Object> record) {
        return gate.enter(ReplayGeneration.of(record.headers()));
    }

    @Test
    void recordsPolledBeforeARebuildAreNotApplied() {
        ConsumerRecord<Object, Object> before = polled(41);
        gate.nextGeneration();
        ConsumerRecord<Object, Object> after = polled(0);

        assertThat(enter(before)).isEmpty();
        assertThat(enter(after)).isPresent();
    }

    @Test
    void aRebuildWaitsForTheRecordInFlight() {
        CompletableFuture<Void> slot = enter(polled(7)).orElseThrow();

        CompletableFuture<Void> awaited = gate.nextGeneration();

        assertThat(awaited).isNotDone();
        slot.complete(null);
        assertThat(awaited).isDone();
    }

    @Test
    void anUnstampedRecordCountsAsCurrent() {
        ConsumerRecord<Object, Object> unstamped = new ConsumerRecord<>("events", 0, 1, "q", "v");
        assertThat(enter(unstamped)).isPresent();
    }
}
