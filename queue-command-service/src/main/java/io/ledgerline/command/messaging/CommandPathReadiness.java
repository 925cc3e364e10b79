package io.ledgerline.command.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when this instance can both decide commands and hand results back to REST callers. */
@Readiness
@ApplicationScoped
public class CommandPathReadiness implements HealthCheck {

    private final CommandProcessor processor;
    private final ResultListener results;

    public CommandPathReadiness(CommandProcessor processor, ResultListener results) {
        this.processor = processor;
        this.results = results;
    }

    @Override
    public HealthCheckResponse call() {
        Throwable failure = processor.failure();
        return HealthCheckResponse.named("command-path")
                .status(processor.ready() && results.ready())
                .withData("processor", processor.ready() ? "deciding" : failure == null ? "starting" : "failed: " + failure)
                .withData("results", results.ready() ? "listening" : "not listening")
                .build();
    }
}
