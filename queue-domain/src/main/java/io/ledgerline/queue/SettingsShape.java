package io.ledgerline.queue;

import java.time.Duration;

/** The limits of a queue's settings, checked with the command that sets them (see {@link CommandShape}). */
final class SettingsShape {

    static final int TAGS_MAX = 20;
    static final int PREFIX_MAX = 8;
    static final int RETRIES_MAX = 100;
    static final int DELAYS_MAX = 20;
    static final Duration SERVICE_TIME_MAX = Duration.ofDays(1);
    static final Duration RETRY_DELAY_MAX = Duration.ofDays(30);

    private SettingsShape() {
    }

    static String problem(QueueSettings settings, int capacity) {
        if (settings.tags().size() > TAGS_MAX) {
            return "a queue has at most " + TAGS_MAX + " tags, not " + settings.tags().size();
        }
        for (String tag : settings.tags()) {
            String problem = FieldLimits.id("tag", tag);
            if (problem != null) {
                return problem;
            }
        }
        String prefix = settings.ticketPrefix();
        if (prefix.length() > PREFIX_MAX || !prefix.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
            return "ticketPrefix must be 0-" + PREFIX_MAX + " letters or digits, was '" + prefix + "'";
        }
        if (settings.maxConcurrent() < 0 || settings.maxConcurrent() > capacity) {
            return "maxConcurrent must be from 0 (no limit) to the capacity " + capacity + ", was "
                    + settings.maxConcurrent();
        }
        Duration service = settings.serviceTime();
        if (service != null && (!service.isPositive() || service.compareTo(SERVICE_TIME_MAX) > 0)) {
            return "serviceTime must be positive and at most " + SERVICE_TIME_MAX + ", was " + service;
        }
        if (settings.overflowTo() != null && FieldLimits.id("overflowTo", settings.overflowTo()) != null) {
            return FieldLimits.id("overflowTo", settings.overflowTo());
        }
        String retry = retry(settings.retry());
        if (retry != null) {
            return retry;
        }
        String ordering = settings.ordering().problem();
        if (ordering == null) {
            ordering = settings.admission().problem(capacity);
        }
        return ordering != null || settings.calendar() == null ? ordering : settings.calendar().problem();
    }

    private static String retry(RetryPolicy retry) {
        if (retry.maxRetries() < 0 || retry.maxRetries() > RETRIES_MAX) {
            return "retry.maxRetries must be from 0 to " + RETRIES_MAX + ", was " + retry.maxRetries();
        }
        if (retry.delays().isEmpty() || retry.delays().size() > DELAYS_MAX) {
            return "retry.delays must hold 1 to " + DELAYS_MAX + " durations, held " + retry.delays().size();
        }
        for (Duration delay : retry.delays()) {
            if (delay == null || !delay.isPositive() || delay.compareTo(RETRY_DELAY_MAX) > 0) {
                return "every retry delay must be positive and at most " + RETRY_DELAY_MAX + ", was " + delay;
            }
        }
        return null;
    }
}
