package io.ledgerline.projection.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;

/** Counters of what happened to each consumed event, tagged by event type. */
@ApplicationScoped
public class ProjectionMetrics {

    private final MeterRegistry registry;

    public ProjectionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void applied(String eventType) {
        registry.counter("ledgerline.projection.events.applied", "type", eventType).increment();
    }

    public void skipped(String eventType) {
        registry.counter("ledgerline.projection.events.skipped", "type", eventType).increment();
    }

    public void deadLettered(String eventType) {
        registry.counter("ledgerline.projection.events.dead.lettered", "type", eventType).increment();
    }
}
