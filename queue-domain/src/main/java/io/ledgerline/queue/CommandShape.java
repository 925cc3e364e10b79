package io.ledgerline.queue;

import static io.ledgerline.queue.FieldLimits.NAME_MAX;
import static io.ledgerline.queue.FieldLimits.TEXT_MAX;

/**
 * Checks what can be checked on a command alone, before looking at any state, with the limits of
 * {@link FieldLimits}: ids of the safe alphabet, names and reasons of bounded length, capacities in range,
 * times present. Answers the first problem found, or null when the command is well formed. REST asks the
 * same question before sending, so both roads refuse the same commands with the same words.
 */
public final class CommandShape {

    private CommandShape() {
    }

    public static String problem(QueueCommand command) {
        String queueId = FieldLimits.id("queueId", command.queueId());
        if (queueId != null) {
            return queueId;
        }
        return switch (command) {
            case CreateQueue c -> settings(c.name(), c.capacity(), c.settings());
            case ConfigureQueue c -> settings(c.name(), c.capacity(), c.settings());
            case JoinQueue c -> firstOf(
                    entryId(c.entryId()), present(c.priority(), "priority"), present(c.joinedAt(), "joinedAt"));
            case LeaveQueue c -> entryId(c.entryId());
            case CallNext c -> firstOf(present(c.calledAt(), "calledAt"),
                    FieldLimits.optionalText("counter", c.counter(), FieldLimits.COUNTER_MAX));
            case CompleteEntry c -> firstOf(entryId(c.entryId()), present(c.completedAt(), "completedAt"));
            case MarkNoShow c -> entryId(c.entryId());
            case RequeueEntry c -> entryId(c.entryId());
            case ChangePriority c -> firstOf(
                    entryId(c.entryId()), present(c.priority(), "priority"), justification(c.justification()));
            case TransferEntry c -> firstOf(
                    entryId(c.entryId()), FieldLimits.id("targetQueueId", c.targetQueueId()),
                    c.queueId().equals(c.targetQueueId()) ? "cannot transfer an entry to the queue it is in" : null,
                    justification(c.justification()));
            // The reason is optional: pausing must never be harder than it needs to be.
            case PauseQueue c -> FieldLimits.optionalText("reason", c.reason(), TEXT_MAX);
            case ResumeQueue c -> null;
            case SleepQueue c -> FieldLimits.wakeTime(c.until(), c.requestedAt());
            case WakeQueue c -> null;
            case OpenQueue c -> null;
            case CloseQueue c -> null;
            // An emergency stop is always audited.
            case EmergencyStopQueue c -> FieldLimits.text("reason", c.reason(), TEXT_MAX);
        };
    }

    private static String settings(String name, int capacity, QueueSettings settings) {
        return firstOf(FieldLimits.text("name", name, NAME_MAX), FieldLimits.capacity(capacity),
                settings == null ? "settings are required" : SettingsShape.problem(settings, capacity));
    }

    private static String entryId(String entryId) {
        return FieldLimits.id("entryId", entryId);
    }

    private static String justification(String justification) {
        return FieldLimits.text("justification", justification, TEXT_MAX);
    }

    private static String present(Object value, String field) {
        return value == null ? field + " is required" : null;
    }

    private static String firstOf(String... problems) {
        for (String problem : problems) {
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }
}
