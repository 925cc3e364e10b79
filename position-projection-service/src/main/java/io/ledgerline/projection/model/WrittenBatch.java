package io.ledgerline.projection.model;

import java.util.List;
import java.util.Map;

/**
 * What the two stores did with a batch: each event's outcome, in the batch's order, and per queue the entries waiting
 * in its line afterwards (queues whose events PostgreSQL held back on a gap are absent).
 */
public record WrittenBatch(List<ProjectionOutcome> outcomes, Map<String, Long> waiting) {
}
