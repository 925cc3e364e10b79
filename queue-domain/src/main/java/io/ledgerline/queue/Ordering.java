package io.ledgerline.queue;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a queue shares its calls between the priority classes. Without weights, strict priority: every URGENT entry
 * before any HIGH one, and so on. With weights, weighted fair order: while every class has people waiting, class
 * {@code c} gets {@code weight(c) / sum of weights} of the calls, so a steady stream of URGENT entries cannot starve
 * LOW. An aging limit promotes an entry one class up once it has waited that long in its class.
 *
 * <p>The settings only steer the decider: it turns them into each entry's order key ({@link CallingOrder}), and
 * readers sort by that key without knowing these settings.
 *
 * @param weights     the share of each class, 1 to {@link #WEIGHT_MAX}; a class left out weighs 1; empty for strict
 * @param agingLimits per class (never URGENT, which has nowhere to go), how long an entry waits in it before promotion
 */
public record Ordering(Map<Priority, Integer> weights, Map<Priority, Duration> agingLimits) {

    public static final Ordering STRICT = new Ordering(Map.of(), Map.of());
    public static final int WEIGHT_MAX = 1000;
    static final Duration AGING_MIN = Duration.ofSeconds(1);
    static final Duration AGING_MAX = Duration.ofDays(7);

    /**
     * The order-key distance a class moves per entry is {@code SCALE / weight}: 720,720 is divisible by every weight
     * from 1 to 16, so the usual weights share exactly; larger ones round the distance up.
     */
    static final long SCALE = 720_720L;

    public Ordering {
        weights = inClassOrder(weights);
        agingLimits = inClassOrder(agingLimits);
    }

    // Class order, not a hash order: the settings' text is part of a command's fingerprint, the same in every run.
    private static <V> Map<Priority, V> inClassOrder(Map<Priority, V> values) {
        Map<Priority, V> ordered = new EnumMap<>(Priority.class);
        if (values != null) {
            ordered.putAll(values);
        }
        return Collections.unmodifiableMap(ordered);
    }

    /** True for weighted fair order, false for strict priority. */
    public boolean weighted() {
        return !weights.isEmpty();
    }

    public int weight(Priority priority) {
        return weights.getOrDefault(priority, 1);
    }

    /** How far apart two successive entries of one class are placed in a weighted queue. */
    public long step(Priority priority) {
        int weight = weight(priority);
        return (SCALE + weight - 1) / weight;
    }

    public Optional<Duration> agingLimit(Priority priority) {
        return Optional.ofNullable(agingLimits.get(priority));
    }

    String problem() {
        for (Map.Entry<Priority, Integer> weight : weights.entrySet()) {
            if (Objects.requireNonNullElse(weight.getValue(), 0) < 1 || weight.getValue() > WEIGHT_MAX) {
                return "ordering.weights." + weight.getKey() + " must be from 1 to " + WEIGHT_MAX + ", was "
                        + weight.getValue();
            }
        }
        for (Map.Entry<Priority, Duration> limit : agingLimits.entrySet()) {
            if (limit.getKey() == Priority.URGENT) {
                return "ordering.agingLimits cannot name URGENT: it is the highest class, and ages into none";
            }
            Duration value = limit.getValue();
            if (value == null || value.compareTo(AGING_MIN) < 0 || value.compareTo(AGING_MAX) > 0) {
                return "ordering.agingLimits." + limit.getKey() + " must be from " + AGING_MIN + " to " + AGING_MAX
                        + ", was " + value;
            }
        }
        return null;
    }
}
