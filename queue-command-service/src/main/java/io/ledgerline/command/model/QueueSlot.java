package io.ledgerline.command.model;

import io.ledgerline.queue.QueueDecider;
import io.ledgerline.queue.QueueState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One queue as its partition owner holds it: the decided state, the last appended sequence, and the outcomes of
 * recent commands so that a repeated commandId is answered without deciding again.
 */
final class QueueSlot {

    private QueueState state = QueueDecider.initialState();
    private long lastSequence;
    private final Map<String, CommandOutcome> recentOutcomes;

    QueueSlot(int rememberedOutcomes) {
        // Insertion order: the oldest outcome is forgotten first once the bound is reached.
        this.recentOutcomes = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CommandOutcome> eldest) {
                return size() > rememberedOutcomes;
            }
        };
    }

    QueueState state() {
        return state;
    }

    long lastSequence() {
        return lastSequence;
    }

    Optional<CommandOutcome> outcomeOf(String commandId) {
        return Optional.ofNullable(recentOutcomes.get(commandId));
    }

    void advance(QueueState next, long sequence) {
        this.state = next;
        this.lastSequence = sequence;
    }

    void remember(String commandId, CommandOutcome outcome) {
        recentOutcomes.put(commandId, outcome);
    }
}
