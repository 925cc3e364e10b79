package io.ledgerline.projection.messaging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Counters of what happened to each consumed event, tagged by event type, and the time each stage of a batch takes
 * ({@code ledgerline.projection.batch.stage}: decode, postgresql, redis, position-updates, and the whole batch), so
 * that where a rebuild spends its time is read from {@code /q/metrics}, not guessed.
 */
@ApplicationScoped
public class ProjectionMetrics {

    private final MeterRegistry registry;
    /** Counted per event at tens of thousands a second: look each counter up once, not per increment. */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> stages = new ConcurrentHashMap<>();

    public ProjectionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void applied(String eventType) {
        count("ledgerline.projection.events.applied", eventType);
    }

    public void skipped(String eventType) {
        count("ledgerline.projection.events.skipped", eventType);
    }

    public void deadLettered(String eventType) {
        count("ledgerline.projection.events.dead.lettered", eventType);
    }

    /** Records how long one stage of one batch took, from {@code startedNanos} ({@link System#nanoTime()}) to now. */
    public void stage(String stage, long startedNanos) {
        stages.computeIfAbsent(stage, key -> Timer.builder("ledgerline.projection.batch.stage").tag("stage", key)
                .description("Time one stage of one applied batch took").register(registry))
                .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    private void count(String name, String eventType) {
        counters.computeIfAbsent(name + '\n' + eventType, key -> registry.counter(name, "type", eventType))
                .increment();
    }
}
