package io.ledgerline.queue;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a failed entry comes back: after {@code delays[0]} the first time, {@code delays[1]} the second, and the last
 * delay for every attempt beyond the list; after {@code maxRetries} failures it ends FAILED.
 */
public record RetryPolicy(List<Duration> delays, int maxRetries) {

    /** A call campaign's usual backoff: 5, 15, 30 and 60 minutes, then give up. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(
            List.of(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1)), 4);

    public RetryPolicy {
        Objects.requireNonNull(delays, "delays");
        delays = List.copyOf(delays);
    }

    /** The wait before attempt {@code retry} (1 for the first retry). */
    public Duration delayBefore(int retry) {
        return delays.get(Math.min(Math.max(retry, 1), delays.size()) - 1);
    }
}
