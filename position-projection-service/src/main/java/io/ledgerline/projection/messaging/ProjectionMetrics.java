package io.ledgerline.projection.messaging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counters of what happened to each consumed event, tagged by event type. */
@ApplicationScoped
public class ProjectionMetrics {

    private final MeterRegistry registry;
    /** Counted per event at tens of thousands a second: look each counter up once, not per increment. */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

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

    private void count(String name, String eventType) {
        counters.computeIfAbsent(name + '\n' + eventType, key -> registry.counter(name, "type", eventType))
                .increment();
    }
}
