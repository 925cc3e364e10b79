package io.ledgerline.projection.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rank an event gave an entry, or took it from, for that entry's history row: the rank it entered at when it
 * entered the line (joined, requeued, released, moved), else the rank it left from (called, left, held).
 */
public record HistoryRank(String queueId, String entryId, long sequence, long rank) {

    /** From the moves Redis reported for each applied event ({@code outcomes} in the order of {@code events}). */
    public static List<HistoryRank> of(List<ProjectedEvent> events, List<ApplyOutcome> outcomes) {
        List<HistoryRank> ranks = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            ApplyOutcome outcome = outcomes.get(i);
            if (outcome.check() != SequenceCheck.APPLY || outcome.moves().isEmpty()) {
                continue;
            }
            Map<String, Long> byEntry = new LinkedHashMap<>();
            for (LineMove move : outcome.moves()) {
                if (move.kind() == LineMove.Kind.ENTERED) {
                    byEntry.put(move.entryId(), move.rank());
                } else if (move.kind() == LineMove.Kind.LEFT) {
                    byEntry.putIfAbsent(move.entryId(), move.rank());
                }
            }
            ProjectedEvent event = events.get(i);
            byEntry.forEach((entry, rank) -> ranks.add(new HistoryRank(event.queueId(), entry, event.sequence(), rank)));
        }
        return ranks;
    }
}
