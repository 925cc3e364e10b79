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
            case CreateQueue c -> settings(c.queueId(), c.name(), c.capacity(), c.settings());
            case ConfigureQueue c -> settings(c.queueId(), c.name(), c.capacity(), c.settings());
            case JoinQueue c -> join(c);
            case JoinBatch c -> batch(c);
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
            case ScheduleQueue c -> schedule(c);
            // An emergency stop is always audited.
            case EmergencyStopQueue c -> FieldLimits.text("reason", c.reason(), TEXT_MAX);
            case FailEntry c -> firstOf(entryId(c.entryId()), FieldLimits.text("reason", c.reason(), TEXT_MAX),
                    present(c.failedAt(), "failedAt"));
            case ReleaseDueEntries c -> present(c.asOf(), "asOf");
            case PromoteAgedEntries c -> present(c.asOf(), "asOf");
            case AdmitDueEntries c -> present(c.asOf(), "asOf");
            case ExpireAdmissions c -> present(c.asOf(), "asOf");
            case CommitLottery c -> firstOf(FieldLimits.id("lotteryId", c.lotteryId()),
                    c.lotteryId() != null && c.lotteryId().length() > 64 ? "lotteryId must be at most 64 characters" : null,
                    c.seedHash() != null && c.seedHash().matches("[0-9a-f]{64}") ? null
                            : "seedHash must be 64 lowercase hex digits (a SHA-256)",
                    present(c.requestedAt(), "requestedAt"),
                    c.drawAt() == null ? "drawAt is required" : FieldLimits.futureTime("drawAt", c.drawAt(), c.requestedAt()));
            case CutOffLottery c -> present(c.asOf(), "asOf");
            case DrawLottery c -> FieldLimits.id("lotteryId", c.lotteryId()) != null
                    ? FieldLimits.id("lotteryId", c.lotteryId()) : c.seed() == null || c.seed().isBlank() || c.seed().length() > Lottery.SEED_MAX
                    ? "seed must be 1-" + Lottery.SEED_MAX + " characters" : null;
            case SettleTransfer c -> firstOf(entryId(c.entryId()), FieldLimits.id("targetQueueId", c.targetQueueId()),
                    FieldLimits.optionalText("refusal", c.refusal(), TEXT_MAX));
            case HoldForServiceElsewhere c -> personService(c.personRef(), c.service());
            case ReturnFromServiceElsewhere c -> personService(c.personRef(), c.service());
        };
    }

    static String personService(String personRef, ServedElsewhere service) {
        return firstOf(FieldLimits.id("personRef", personRef),
                service == null ? "the service elsewhere is required" : service.problem());
    }

    private static String settings(String queueId, String name, int capacity, QueueSettings settings) {
        return firstOf(FieldLimits.text("name", name, NAME_MAX), FieldLimits.capacity(capacity),
                settings == null ? "settings are required" : SettingsShape.problem(settings, capacity),
                settings != null && queueId.equals(settings.overflowTo()) ? "a queue cannot overflow into itself" : null);
    }

    private static String join(JoinQueue c) {
        return firstOf(entryId(c.entryId()), present(c.priority(), "priority"), present(c.joinedAt(), "joinedAt"),
                c.scheduledAt() == null ? null : FieldLimits.scheduledAt(c.scheduledAt(), c.joinedAt()),
                c.details().problem(),
                c.overflowedFrom() == null ? null : FieldLimits.id("overflowedFrom", c.overflowedFrom()),
                c.transferredFrom() == null ? null : FieldLimits.id("transferredFrom", c.transferredFrom()),
                c.queueId().equals(c.transferredFrom()) ? "a transfer cannot join the queue it comes from" : null,
                c.anonymous() && (c.overflowedFrom() != null || c.transferredFrom() != null)
                        ? "an overflow or a transfer is never an anonymous join" : null);
    }

    private static String schedule(ScheduleQueue c) {
        return firstOf(present(c.requestedAt(), "requestedAt"),
                c.opensAt() == null ? null : FieldLimits.futureTime("opensAt", c.opensAt(), c.requestedAt()),
                c.closesAt() == null ? null : FieldLimits.futureTime("closesAt", c.closesAt(), c.requestedAt()),
                c.opensAt() != null && c.closesAt() != null && !c.closesAt().isAfter(c.opensAt())
                        ? "closesAt " + c.closesAt() + " is not after opensAt " + c.opensAt() : null);
    }

    private static String batch(JoinBatch c) {
        if (c.entries() == null || c.entries().isEmpty() || c.entries().size() > JoinBatch.MAX_ENTRIES) {
            return "a batch holds 1 to " + JoinBatch.MAX_ENTRIES + " entries";
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        int characters = 0;
        for (int i = 0; i < c.entries().size(); i++) {
            JoinQueue join = c.entries().get(i);
            String problem = join == null ? "is missing" : !c.queueId().equals(join.queueId())
                    ? "is for queue " + join.queueId() : join.anonymous() ? "is anonymous: a batch needs a token"
                    : join(join);
            if (problem == null && !ids.add(join.entryId())) {
                problem = "repeats entry " + join.entryId();
            }
            if (problem != null) {
                return "entries[" + i + "] " + problem;
            }
            characters += join.details().characters();
        }
        return characters > JoinBatch.MAX_DETAIL_CHARACTERS ? "the entries' details hold " + characters
                + " characters; a batch carries at most " + JoinBatch.MAX_DETAIL_CHARACTERS : null;
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
