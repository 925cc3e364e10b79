package io.ledgerline.projection.api;

import java.time.Duration;
import java.util.Map;

import io.ledgerline.projection.store.PgQueueFigures;

/**
 * A queue's statistics over {@code window}: how its entries ended ({@code finished}, by final status), the share of
 * completed among completed, failed and no-shows ({@code successRate}, null when none ended so), completions per
 * hour, and the wait from joining to being called of those called in the window (seconds; null when none was); with
 * the counts by status and priority as they stand now.
 */
public record QueueStatsResponse(String queueId, Duration window, Map<String, Long> finished, Double successRate,
        double completedPerHour, long called, Double averageWaitSeconds, Double p90WaitSeconds,
        Map<String, Long> byStatus, Map<String, Map<String, Long>> byStatusAndPriority) {

    static QueueStatsResponse of(String queueId, Duration window, PgQueueFigures.Counts counts,
            PgQueueFigures.Stats stats) {
        long completed = stats.finished().getOrDefault("COMPLETED", 0L);
        long settled = completed + stats.finished().getOrDefault("FAILED", 0L)
                + stats.finished().getOrDefault("NO_SHOW", 0L);
        return new QueueStatsResponse(queueId, window, stats.finished(),
                settled == 0 ? null : (double) completed / settled, completed * 3600.0 / window.toSeconds(),
                stats.called(), stats.averageWaitSeconds(), stats.p90WaitSeconds(), counts.byStatus(),
                counts.byStatusAndPriority());
    }
}
