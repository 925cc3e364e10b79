package io.ledgerline.command.api;

import io.ledgerline.queue.QueueSettings;
import io.ledgerline.queue.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A queue's settings as JSON: {@code {"tags":["critical"], "ticketPrefix":"A", "maxConcurrent":2,
 * "serviceTime":"PT6M", "retry":{"delays":["PT5M","PT15M"], "maxRetries":4}}}. Every field may be left out for its
 * default; durations are ISO-8601. The domain checks the limits (CommandShape), the same as for the topic.
 */
public record SettingsRequest(List<String> tags, String ticketPrefix, Integer maxConcurrent, Duration serviceTime,
                              Retry retry) {

    /** {@code delays} left out keeps the default backoff; {@code maxRetries} left out keeps the default count. */
    public record Retry(List<Duration> delays, Integer maxRetries) {}

    static QueueSettings toDomain(SettingsRequest request) {
        if (request == null) {
            return QueueSettings.DEFAULT;
        }
        RetryPolicy retry = RetryPolicy.DEFAULT;
        if (request.retry() != null) {
            List<Duration> delays = request.retry().delays() == null ? retry.delays() : request.retry().delays();
            if (delays.stream().anyMatch(Objects::isNull)) {
                throw new ProblemException(400, "INVALID_REQUEST", "retry.delays holds a null");
            }
            retry = new RetryPolicy(delays,
                    request.retry().maxRetries() == null ? retry.maxRetries() : request.retry().maxRetries());
        }
        List<String> tags = request.tags() == null ? List.of() : request.tags();
        if (tags.stream().anyMatch(Objects::isNull)) {
            throw new ProblemException(400, "INVALID_REQUEST", "tags holds a null");
        }
        return new QueueSettings(tags, request.ticketPrefix() == null ? "" : request.ticketPrefix().strip(),
                request.maxConcurrent() == null ? 0 : request.maxConcurrent(), request.serviceTime(), retry);
    }
}
