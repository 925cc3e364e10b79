package io.ledgerline.command.messaging;

import io.ledgerline.command.messaging.owner.CommandProcessor;
import io.ledgerline.command.messaging.submit.ResultListener;
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
        Throwable failure = processor.loop().lastFailure();
        return HealthCheckResponse.named("command-path")
                .status(processor.ready() && results.ready())
                .withData("processor", processor.ready() ? "deciding"
                        : failure == null ? "starting" : "restarting after: " + failure)
                .withData("processorRestarts", processor.loop().restarts())
                .withData("results", results.ready() ? "listening" : "not listening")
                .build();
    }
}
