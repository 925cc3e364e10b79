package io.ledgerline.projection.api;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.ledgerline.projection.messaging.ProjectionStatus;

/**
 * DOWN once the projection stopped on a sequence gap, and while a store that failed is being retried. Kafka, Redis and PostgreSQL reachability come from the
 * readiness checks of their Quarkus extensions, which sit beside this one under /q/health/ready.
 */
@Readiness
@ApplicationScoped
public class ProjectionReadinessCheck implements HealthCheck {

    private final ProjectionStatus status;

    public ProjectionReadinessCheck(ProjectionStatus status) {
        this.status = status;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("position-projection");
        if (status.haltReason().isPresent()) {
            return builder.down().withData("stoppedOnGap", status.haltReason().get()).build();
        }
        return status.storeFailure()
                .map(reason -> builder.down().withData("storeFailing", reason))
                .orElseGet(builder::up)
                .build();
    }
}
