package io.ledgerline.queue;

/**
 * Checks what can be checked on a command alone, before looking at any state: required fields
 * present, ids and justifications not blank, capacities positive. Answers the first problem found,
 * or null when the command is well formed.
 */
final class CommandShape {

    private CommandShape() {
    }

    static String problem(QueueCommand command) {
        if (isBlank(command.queueId())) {
            return "queueId must not be blank";
        }
        return switch (command) {
            case CreateQueue c -> settings(c.name(), c.capacity());
            case ConfigureQueue c -> settings(c.name(), c.capacity());
            case JoinQueue c -> firstOf(
                    entryId(c.entryId()), present(c.priority(), "priority"), present(c.joinedAt(), "joinedAt"));
            case LeaveQueue c -> entryId(c.entryId());
            case CallNext c -> present(c.calledAt(), "calledAt");
            case CompleteEntry c -> firstOf(entryId(c.entryId()), present(c.completedAt(), "completedAt"));
            case MarkNoShow c -> entryId(c.entryId());
            case RequeueEntry c -> entryId(c.entryId());
            case ChangePriority c -> firstOf(
                    entryId(c.entryId()), present(c.priority(), "priority"), justification(c.justification()));
            case TransferEntry c -> firstOf(
                    entryId(c.entryId()), notBlank(c.targetQueueId(), "targetQueueId"),
                    c.queueId().equals(c.targetQueueId()) ? "cannot transfer an entry to the queue it is in" : null,
                    justification(c.justification()));
            case PauseQueue c -> null; // the reason is optional: pausing must never be harder than it needs to be
            case ResumeQueue c -> null;
            case SleepQueue c -> present(c.until(), "until");
            case WakeQueue c -> null;
            case OpenQueue c -> null;
            case CloseQueue c -> null;
            case EmergencyStopQueue c -> notBlank(c.reason(), "reason"); // an emergency stop is always audited
        };
    }

    private static String settings(String name, int capacity) {
        return firstOf(notBlank(name, "name"), capacity > 0 ? null : "capacity must be positive, was " + capacity);
    }

    private static String entryId(String entryId) {
        return notBlank(entryId, "entryId");
    }

    private static String justification(String justification) {
        return notBlank(justification, "justification");
    }

    private static String notBlank(String value, String field) {
        return isBlank(value) ? field + " must not be blank" : null;
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

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
