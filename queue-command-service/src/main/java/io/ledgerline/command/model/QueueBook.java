package io.ledgerline.command.model;

import io.ledgerline.queue.Decision;
import io.ledgerline.queue.Entry;
import io.ledgerline.queue.EntryCalled;
import io.ledgerline.queue.EntryCompleted;
import io.ledgerline.queue.EntryFailed;
import io.ledgerline.queue.EntryJoined;
import io.ledgerline.queue.EntryLeft;
import io.ledgerline.queue.EntryMarkedNoShow;
import io.ledgerline.queue.EntryPriorityChanged;
import io.ledgerline.queue.EntryReleased;
import io.ledgerline.queue.EntryRequeued;
import io.ledgerline.queue.AdmissionExpired;
import io.ledgerline.queue.EntryAdmitted;
import io.ledgerline.queue.EntryOverflowed;
import io.ledgerline.queue.EntryPromoted;
import io.ledgerline.queue.EntryTransferReturned;
import io.ledgerline.queue.EntryTransferStarted;
import io.ledgerline.queue.EntryTransferredOut;
import io.ledgerline.queue.QueueCommand;
import io.ledgerline.queue.QueueDecider;
import io.ledgerline.queue.QueueEvent;
import io.ledgerline.queue.QueueState;
import io.ledgerline.queue.QueueTimers;
import io.ledgerline.queue.PersonHolds;
import io.ledgerline.queue.PersonService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The queues of the partitions this instance owns, held in memory. It decides commands with the queue decider,
 * numbers the resulting events, and keeps track of which queues changed since each partition's last checkpoint.
 * It also knows when each queue next has something to do by itself ({@link #due}). It knows nothing of Kafka, so
 * the whole command logic is testable without a broker. Not thread-safe: one
 * processor thread owns it, and a new one is built whenever that thread starts over.
 */
public final class QueueBook {

    private final Map<String, QueueSlot> slots = new HashMap<>();
    private final Map<Integer, PartitionQueues> partitions = new HashMap<>();
    private final TimerIndex timers = new TimerIndex();
    private final TagIndex tags = new TagIndex();
    private final PersonIndex people = new PersonIndex();

    /** A command the passing of time calls for, for a queue of the given partition. */
    public record DueCommand(int partition, QueueTimers.TimerCommand timer) {}

    /** Decides a command. A queue comes into the book only when a command creating it is accepted. */
    public Handling decide(int partition, QueueCommand command) {
        QueueSlot slot = slots.get(command.queueId());
        QueueState state = slot == null ? QueueDecider.initialState() : slot.state();
        return switch (QueueDecider.decide(command, state)) {
            case Decision.Accepted accepted -> append(partition, command.queueId(), slot, accepted.events());
            case Decision.Rejected rejected ->
                    Handling.rejected(rejected.rejection().reason().name(), rejected.rejection().detail());
        };
    }

    /** Puts a queue back as a checkpoint recorded it, after event {@code sequence}. */
    public void restore(int partition, QueueState state, long sequence, int checkpointParts) {
        slots.put(state.queueId(), new QueueSlot(state, sequence, checkpointParts));
        queuesOf(partition).queues.add(state.queueId());
        reschedule(partition, state);
        tags.update(state.queueId(), state.settings().tags());
        for (Entry entry : state.activeEntries()) {
            if (entry.details().personRef() != null) {
                people.add(entry.details().personRef(), state.queueId());
            }
        }
    }

    /**
     * Applies an event read back from the log while restoring a partition. An event at or below the queue's last
     * sequence is already in its state; a jump means the log is not what this service wrote, and restoring stops.
     */
    public void replay(int partition, long sequence, QueueEvent event) {
        QueueSlot slot = slots.get(event.queueId());
        long last = slot == null ? 0 : slot.lastSequence();
        if (sequence <= last) {
            return;
        }
        if (sequence != last + 1) {
            throw new SequenceGapException(event.queueId(), last + 1, sequence);
        }
        QueueState state = QueueDecider.evolve(slot == null ? QueueDecider.initialState() : slot.state(), event);
        advance(partition, event.queueId(), slot, state, sequence, 1);
        indexPerson(event);
    }

    /** Drops the queues of a partition this instance no longer owns. */
    public void forget(int partition) {
        PartitionQueues gone = partitions.remove(partition);
        if (gone != null) {
            for (String queueId : gone.queues) {
                slots.remove(queueId);
                timers.schedule(queueId, partition, null);
                tags.remove(queueId);
            }
        }
    }

    /**
     * The timer commands due at {@code now}. Each queue's timer is handed out once; it is set again when the queue's
     * state next changes, so a command that is rejected or still on its way is not asked for twice.
     */
    public List<DueCommand> due(Instant now) {
        List<DueCommand> due = new ArrayList<>();
        for (TimerIndex.Due queue : timers.take(now)) {
            QueueSlot slot = slots.get(queue.queueId());
            if (slot != null) {
                QueueTimers.due(slot.state(), now).forEach(timer -> due.add(new DueCommand(queue.partition(), timer)));
            }
        }
        return due;
    }

    /** Queues with something scheduled and not yet handed out. */
    public int scheduledCount() {
        return timers.size();
    }

    /** The queues of one owned partition that carry every one of {@code selected} (at least one tag). */
    public List<QueueState> statesTagged(int partition, List<String> selected) {
        PartitionQueues queues = partitions.get(partition);
        if (queues == null) {
            return List.of();
        }
        List<QueueState> states = new ArrayList<>();
        for (String queueId : tags.carryingAll(selected)) {
            if (queues.queues.contains(queueId)) {
                states.add(slots.get(queueId).state());
            }
        }
        return states;
    }

    /** The queues of one owned partition where the person has an active entry. */
    public List<QueueState> statesOfPerson(int partition, String personRef) {
        PartitionQueues queues = partitions.get(partition);
        if (queues == null) {
            return List.of();
        }
        List<QueueState> states = new ArrayList<>();
        for (String queueId : people.queuesOf(personRef, this::hasEntriesOf)) {
            if (queues.queues.contains(queueId)) {
                states.add(slots.get(queueId).state());
            }
        }
        return states;
    }

    private boolean hasEntriesOf(String personRef, String queueId) {
        QueueSlot slot = slots.get(queueId);
        return slot != null && slot.state().hasEntriesOf(personRef);
    }

    public Set<Integer> partitions() {
        return Set.copyOf(partitions.keySet());
    }

    /** Events appended or replayed in the partition since its last checkpoint. */
    public long eventsSinceCheckpoint(int partition) {
        PartitionQueues queues = partitions.get(partition);
        return queues == null ? 0 : queues.eventsSinceCheckpoint;
    }

    /** The queues of the partition that changed since its last checkpoint, as they stand now. */
    public List<QueueCheckpoint> changedSinceCheckpoint(int partition) {
        PartitionQueues queues = partitions.get(partition);
        if (queues == null) {
            return List.of();
        }
        List<QueueCheckpoint> changed = new ArrayList<>(queues.changed.size());
        for (String queueId : queues.changed) {
            QueueSlot slot = slots.get(queueId);
            changed.add(new QueueCheckpoint(queueId, slot.state(), slot.lastSequence(), slot.checkpointParts()));
        }
        return changed;
    }

    /** The checkpoint of these queues is on the log: the partition starts counting again. */
    public void checkpointed(int partition, Map<String, Integer> partsByQueue) {
        PartitionQueues queues = queuesOf(partition);
        partsByQueue.forEach((queueId, parts) -> slots.get(queueId).checkpointed(parts));
        queues.changed.removeAll(partsByQueue.keySet());
        queues.eventsSinceCheckpoint = 0;
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

    private Handling append(int partition, String queueId, QueueSlot slot, List<QueueEvent> events) {
        QueueState before = slot == null ? QueueDecider.initialState() : slot.state();
        QueueState state = before;
        long first = (slot == null ? 0 : slot.lastSequence()) + 1;
        long sequence = first - 1;
        List<SequencedEvent> sequenced = new ArrayList<>(events.size());
        List<PersonService> services = List.of();
        String entryId = null;
        String redirectedTo = events.isEmpty() || !(events.get(0) instanceof EntryOverflowed overflowed)
                ? null : overflowed.targetQueueId();
        for (QueueEvent event : events) {
            Optional<PersonService> service = PersonHolds.serviceChange(state, event);
            if (service.isPresent()) {
                services = services.isEmpty() ? new ArrayList<>() : services;
                services.add(service.get());
            }
            state = QueueDecider.evolve(state, event);
            indexPerson(event);
            sequenced.add(new SequencedEvent(++sequence, event));
            if (entryId == null) {
                entryId = entryIdOf(event);
            }
        }
        advance(partition, queueId, slot, state, sequence, events.size());
        String entryNumber = numberOf(entryId, before, state);
        return new Handling(new CommandOutcome.Accepted(first, sequence, entryId, entryNumber, redirectedTo),
                List.copyOf(sequenced), List.copyOf(services));
    }

    private void indexPerson(QueueEvent event) {
        if (event instanceof EntryJoined joined && joined.details().personRef() != null) {
            people.add(joined.details().personRef(), joined.queueId());
        }
    }

    private void advance(int partition, String queueId, QueueSlot slot, QueueState state, long sequence, int events) {
        if (slot == null) {
            slots.put(queueId, new QueueSlot(state, sequence, 0));
        } else {
            slot.advance(state, sequence);
        }
        PartitionQueues queues = queuesOf(partition);
        queues.queues.add(queueId);
        queues.changed.add(queueId);
        queues.eventsSinceCheckpoint += events;
        reschedule(partition, state);
        tags.update(queueId, state.settings().tags());
    }

    private void reschedule(int partition, QueueState state) {
        timers.schedule(state.queueId(), partition, QueueTimers.nextDue(state).orElse(null));
    }

    private PartitionQueues queuesOf(int partition) {
        return partitions.computeIfAbsent(partition, p -> new PartitionQueues());
    }

    /** The entry's number as it stands after the command, or before it when the command ended the visit. */
    private static String numberOf(String entryId, QueueState before, QueueState after) {
        if (entryId == null) {
            return null;
        }
        return after.entry(entryId).or(() -> before.entry(entryId)).map(Entry::number).orElse(null);
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
            case EntryFailed e -> e.entryId();
            case EntryReleased e -> e.entryId();
            case EntryOverflowed e -> e.entryId();
            case EntryPromoted e -> e.entryId();
            case EntryTransferStarted e -> e.entryId();
            case EntryTransferReturned e -> e.entryId();
            case EntryAdmitted e -> e.entryId();
            case AdmissionExpired e -> e.entryId();
            default -> null;
        };
    }

    /** The queues of one partition, and what changed among them since its last checkpoint. */
    private static final class PartitionQueues {
        final Set<String> queues = new LinkedHashSet<>();
        final Set<String> changed = new LinkedHashSet<>();
        long eventsSinceCheckpoint;
    }
}
