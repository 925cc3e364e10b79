package io.ledgerline.access.rest;

import io.ledgerline.access.RateLimit;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;

/**
 * The per-client limits a service is configured with, each {@code COUNT/ISO-8601-DURATION} ({@code 20/PT1M}) or
 * {@code off} (the default):
 * <pre>
 * ledgerline.rate-limit.KIND.people=30/PT1M                 # no token, or a ticket: per address or per ticket
 * ledgerline.rate-limit.KIND.staff=off                      # any other token: per subject
 * ledgerline.rate-limit.KIND.queue-people."sale"=5/PT1M     # one queue's own (a ticket sale's opening surge)
 * ledgerline.rate-limit.KIND.queue-staff."sale"=100/PT1S
 * </pre>
 * KIND is {@link RateLimited#JOINS} or {@link RateLimited#READS}. Read once per kind, queue and kind of client.
 */
@ApplicationScoped
public class RateLimitSettings {

    private static final String PREFIX = "ledgerline.rate-limit.";

    private final Config config;
    private final Map<String, RateLimit> resolved = new ConcurrentHashMap<>();

    public RateLimitSettings(Config config) {
        this.config = config;
    }

    public RateLimit limitFor(String kind, String queueId, boolean person) {
        String who = person ? "people" : "staff";
        return resolved.computeIfAbsent(kind + "\n" + who + "\n" + queueId, key -> RateLimit.parse(
                config.getOptionalValue(PREFIX + kind + ".queue-" + who + ".\"" + queueId + "\"", String.class)
                        .or(() -> config.getOptionalValue(PREFIX + kind + "." + who, String.class))
                        .orElse("off")));
    }
}
