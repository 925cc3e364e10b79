package io.ledgerline.command.messaging;

import io.ledgerline.command.messaging.owner.CommandProcessor;
import io.ledgerline.command.messaging.submit.ResultListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while both poll loops are either making progress or waiting to start over. A loop whose thread is gone, or
 * that has made no progress for a minute (stuck in a call that never returns), is DOWN: restart the process.
 */
@Liveness
@ApplicationScoped
public class CommandPathLiveness implements HealthCheck {

    private static final Duration STALL_LIMIT = Duration.ofMinutes(1);

    private final CommandProcessor processor;
    private final ResultListener results;

    public CommandPathLiveness(CommandProcessor processor, ResultListener results) {
        this.processor = processor;
        this.results = results;
    }

    @Override
    public HealthCheckResponse call() {
        boolean processorLive = processor.loop().live(STALL_LIMIT);
        boolean resultsLive = results.loop().live(STALL_LIMIT);
        return HealthCheckResponse.named("command-path-loops")
                .status(processorLive && resultsLive)
                .withData("processor", processorLive ? "live" : "stalled or stopped")
                .withData("results", resultsLive ? "live" : "stalled or stopped")
                .build();
    }
}
