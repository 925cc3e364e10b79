package io.ledgerline.access;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A limit of {@code limit} calls per client in any {@code window}, counted as a sliding window: the current fixed
 * window's count plus the previous one's, weighted by how much of it still lies within the last {@code window} (as
 * Cloudflare counts). Two counters per client, however many calls, and a surge at a window's edge cannot pass twice
 * the limit. The counting itself is {@link #SCRIPT}, run atomically by Redis; the keys and the wait are computed here.
 */
public record RateLimit(int limit, Duration window) {

    /** No limit. */
    public static final RateLimit OFF = new RateLimit(0, Duration.ZERO);

    /**
     * KEYS: the current window's counter, the previous window's. ARGV: the limit, how far into the current window
     * the call is (ms), the window (ms). Counts the call only when it is allowed. Answers {allowed 1|0, previous
     * count, current count}.
     */
    public static final String SCRIPT = """
            local limit = tonumber(ARGV[1])
            local elapsed = tonumber(ARGV[2])
            local window = tonumber(ARGV[3])
            local previous = tonumber(redis.call('GET', KEYS[2]) or '0')
            local current = tonumber(redis.call('GET', KEYS[1]) or '0')
            if previous * (window - elapsed) / window + current + 1 > limit then
              return {0, previous, current}
            end
            current = redis.call('INCR', KEYS[1])
            if current == 1 then redis.call('PEXPIRE', KEYS[1], 2 * window) end
            return {1, previous, current}
            """;

    public RateLimit {
        if (limit < 0 || window.isNegative() || (limit > 0) != window.isPositive()) {
            throw new IllegalArgumentException("a rate limit is a positive count in a positive window, or off");
        }
    }

    /** {@code 20/PT1M} (twenty calls a minute), or {@code off}. */
    public static RateLimit parse(String text) {
        String spec = text.strip();
        if (spec.equalsIgnoreCase("off")) {
            return OFF;
        }
        int slash = spec.indexOf('/');
        try {
            return new RateLimit(Integer.parseInt(spec.substring(0, slash)),
                    Duration.parse(spec.substring(slash + 1).toUpperCase(Locale.ROOT)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a rate limit: COUNT/ISO-8601-DURATION, e.g."
                    + " 20/PT1M, or off", e);
        }
    }

    public boolean isOff() {
        return limit == 0;
    }

    /** The script's call at {@code nowMillis}: its two keys, under {@code base}, and its arguments. */
    public Call call(String base, long nowMillis) {
        long windowMillis = window.toMillis();
        long index = nowMillis / windowMillis;
        return new Call(List.of(base + ":" + index, base + ":" + (index - 1)),
                List.of(Integer.toString(limit), Long.toString(nowMillis - index * windowMillis),
                        Long.toString(windowMillis)), nowMillis - index * windowMillis);
    }

    /** One run of {@link #SCRIPT}. */
    public record Call(List<String> keys, List<String> args, long elapsedMillis) {}

    /**
     * Whole seconds until a refused client is let through again (at least 1): until the weighted previous window
     * has slid out far enough, or, when the current window alone is full, into the next window until it has.
     */
    public long retryAfterSeconds(Call call, long previous, long current) {
        double windowMillis = window.toMillis();
        double waitMillis;
        if (current + 1 > limit) {
            // The current window becomes the previous one; wait until its weight leaves room for one call.
            double elapsedNeeded = windowMillis * (1 - (limit - 1) / (double) current);
            waitMillis = windowMillis - call.elapsedMillis() + Math.max(0, elapsedNeeded);
        } else {
            double elapsedNeeded = windowMillis * (1 - (limit - 1 - current) / (double) previous);
            waitMillis = elapsedNeeded - call.elapsedMillis();
        }
        return Math.max(1, (long) Math.ceil(waitMillis / 1000));
    }
}
