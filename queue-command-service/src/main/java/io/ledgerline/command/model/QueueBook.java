package io.ledgerline.command.model;

import io.ledgerline.queue.Decision;
import io.ledgerline.queue.EntryCalled;
import io.ledgerline.queue.EntryCompleted;
import io.ledgerline.queue.EntryJoined;
import io.ledgerline.queue.EntryLeft;
import io.ledgerline.queue.EntryMarkedNoShow;
import io.ledgerline.queue.EntryPriorityChanged;
import io.ledgerline.queue.EntryRequeued;
import io.ledgerline.queue.EntryTransferredOut;
import io.ledgerline.queue.QueueCommand;
import io.ledgerline.queue.QueueDecider;
import io.ledgerline.queue.QueueEvent;
import io.ledgerline.queue.QueueState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The queues of the partitions this instance owns, held in memory. It decides commands with the queue decider and
 * numbers the resulting events; it knows nothing of Kafka, so the whole command logic is testable without a broker.
 * Not thread-safe: one processor thread owns it.
 */
public final class QueueBook {

    private final int rememberedOutcomesPerQueue;
    private final Map<String, QueueSlot> slots = new HashMap<>();
    private final Map<Integer, Set<String>> queuesByPartition = new HashMap<>();

    public QueueBook(int rememberedOutcomesPerQueue) {
        this.rememberedOutcomesPerQueue = rememberedOutcomesPerQueue;
    }

    /** Decides a command; a commandId seen before gets its first outcome back and appends nothing. */
    public Handling handle(int partition, String commandId, QueueCommand command) {
        QueueSlot slot = slotFor(partition, command.queueId());
        Optional<CommandOutcome> earlier = slot.outcomeOf(commandId);
        if (earlier.isPresent()) {
            return Handling.repeat(earlier.get());
        }
        Handling handling = switch (QueueDecider.decide(command, slot.state())) {
            case Decision.Accepted accepted -> append(slot, accepted.events());
            case Decision.Rejected rejected -> new Handling(
                    new CommandOutcome.Rejected(rejected.rejection().reason().name(), rejected.rejection().detail()),
                    List.of(), false);
        };
        slot.remember(commandId, handling.outcome());
        return handling;
    }

    /** Records the outcome of a command that could not even be read as a queue command, so a retry gets the same answer. */
    public Handling refuse(int partition, String queueId, String commandId, String reason, String detail) {
        QueueSlot slot = slotFor(partition, queueId);
        Optional<CommandOutcome> earlier = slot.outcomeOf(commandId);
        if (earlier.isPresent()) {
            return Handling.repeat(earlier.get());
        }
        CommandOutcome outcome = new CommandOutcome.Rejected(reason, detail);
        slot.remember(commandId, outcome);
        return new Handling(outcome, List.of(), false);
    }

    /**
     * Applies an event read back from the log while rebuilding a partition. An event at or below the queue's last
     * sequence was already applied; a jump means the log is not what this service wrote, and rebuilding must stop.
     */
    public void replay(int partition, long sequence, QueueEvent event, String causationCommandId) {
        QueueSlot slot = slotFor(partition, event.queueId());
        if (sequence <= slot.lastSequence()) {
            return;
        }
        if (sequence != slot.lastSequence() + 1) {
            throw new SequenceGapException(event.queueId(), slot.lastSequence() + 1, sequence);
        }
        slot.advance(QueueDecider.evolve(slot.state(), event), sequence);
        CommandOutcome outcome = switch (slot.outcomeOf(causationCommandId).orElse(null)) {
            case CommandOutcome.Accepted first when first.lastSequence() == sequence - 1 ->
                    new CommandOutcome.Accepted(first.firstSequence(), sequence,
                            first.entryId() != null ? first.entryId() : entryIdOf(event));
            case null, default -> new CommandOutcome.Accepted(sequence, sequence, entryIdOf(event));
        };
        slot.remember(causationCommandId, outcome);
    }

    /** Drops the queues of a partition this instance no longer owns. */
    public void forget(int partition) {
        Set<String> queues = queuesByPartition.remove(partition);
        if (queues != null) {
            queues.forEach(slots::remove);
        }
    }

    public Optional<QueueState> state(String queueId) {
        return Optional.ofNullable(slots.get(queueId)).map(QueueSlot::state);
    }

    public long lastSequence(String queueId) {
        QueueSlot slot = slots.get(queueId);
        return slot == null ? 0 : slot.lastSequence();
    }

    public int queueCount() {
        return slots.size();
    }

    private Handling append(QueueSlot slot, List<QueueEvent> events) {
        QueueState state = slot.state();
        long sequence = slot.lastSequence();
        List<SequencedEvent> sequenced = new ArrayList<>(events.size());
        String entryId = null;
        for (QueueEvent event : events) {
            state = QueueDecider.evolve(state, event);
            sequenced.add(new SequencedEvent(++sequence, event));
            if (entryId == null) {
                entryId = entryIdOf(event);
            }
        }
        long first = slot.lastSequence() + 1;
        slot.advance(state, sequence);
        return new Handling(new CommandOutcome.Accepted(first, sequence, entryId), List.copyOf(sequenced), false);
    }

    private QueueSlot slotFor(int partition, String queueId) {
        return slots.computeIfAbsent(queueId, id -> {
            queuesByPartition.computeIfAbsent(partition, p -> new HashSet<>()).add(id);
            return new QueueSlot(rememberedOutcomesPerQueue);
        });
    }

    private static String entryIdOf(QueueEvent event) {
        return switch (event) {
            case EntryJoined e -> e.entryId();
            case EntryCalled e -> e.entryId();
            case EntryLeft e -> e.entryId();
            case EntryCompleted e -> e.entryId();
            case EntryMarkedNoShow e -> e.entryId();
            case EntryRequeued e -> e.entryId();
            case EntryPriorityChanged e -> e.entryId();
            case EntryTransferredOut e -> e.entryId();
            default -> null;
        };
    }
}
