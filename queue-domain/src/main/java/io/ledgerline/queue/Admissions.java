package io.ledgerline.queue;

import static io.ledgerline.queue.Decision.reject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of an automatic-admission waiting room. Each admission uses up one slot of the rate, one interval after
 * the previous slot, so the log alone shows the rate was kept; a late timer makes up at most
 * {@link Admission#CATCH_UP} of slots (never a burst after the room stood still), and admits at the time it fires:
 * nobody is recorded as let in before there was room.
 */
final class Admissions {

    private Admissions() {
    }

    static Decision admit(AdmitDueEntries command, QueueState state) {
        Admission admission = state.settings().admission();
        if (!admission.automatic()) {
            return reject(RejectionReason.INVALID_COMMAND, "queue " + state.queueId() + " admits manually");
        }
        if (state.status() != QueueStatus.OPEN) {
            return QueueLifecycle.rejectForStatus(state, "queue " + state.queueId() + " is " + state.status()
                    + "; nobody is admitted");
        }
        if (Lotteries.drawing(state)) {
            return reject(RejectionReason.INVALID_COMMAND, "queue " + state.queueId() + " is drawing its opening"
                    + " lottery; nobody is admitted before the order is known");
        }
        int free = admission.maxActive() - state.admittedCount();
        if (free <= 0 || state.waitingCount() == 0) {
            return reject(free <= 0 ? RejectionReason.MAX_CONCURRENT_REACHED : RejectionReason.QUEUE_EMPTY,
                    "queue " + state.queueId() + " has " + state.admittedCount() + " of " + admission.maxActive()
                            + " admissions out and " + state.waitingCount() + " waiting");
        }
        Duration interval = admission.interval();
        Instant window = command.asOf().minus(Admission.CATCH_UP.compareTo(interval) > 0 ? Admission.CATCH_UP : interval);
        Instant last = state.lastAdmissionAt() == null ? command.asOf().minus(interval)
                : later(state.lastAdmissionAt(), window);
        // A timer's clock may be behind the last slot (another owner's clock, a replayed command): nothing is due.
        long due = Math.max(0, Duration.between(last, command.asOf()).toMillis() / interval.toMillis());
        int count = (int) Math.min(Math.min(due, free), state.waitingCount());
        if (count == 0) {
            return reject(RejectionReason.INVALID_COMMAND, "no admission of queue " + state.queueId() + " is due by "
                    + command.asOf() + "; the next is at " + last.plus(interval));
        }
        List<QueueEvent> events = new ArrayList<>(count);
        List<Entry> line = state.waitingInOrder().subList(0, count);
        for (int i = 0; i < count; i++) {
            Entry entry = line.get(i);
            events.add(new EntryAdmitted(command.queueId(), entry.entryId(), command.asOf(),
                    command.asOf().plus(admission.sessionDuration()), entry.number(),
                    last.plus(interval.multipliedBy(i + 1L))));
        }
        return new Decision.Accepted(events);
    }

    static Decision expire(ExpireAdmissions command, QueueState state) {
        List<Entry> over = state.admissionsOverBy(command.asOf());
        if (over.isEmpty()) {
            return reject(RejectionReason.INVALID_COMMAND,
                    "no admission of queue " + state.queueId() + " is over by " + command.asOf());
        }
        return new Decision.Accepted(over.stream().<QueueEvent>map(entry ->
                new AdmissionExpired(command.queueId(), entry.entryId(), entry.admittedUntil())).toList());
    }

    /** When the timer should next try to admit; empty while the room cannot admit anyone. */
    static java.util.Optional<Instant> nextAdmission(QueueState state) {
        Admission admission = state.settings().admission();
        boolean canAdmit = admission.automatic() && state.status() == QueueStatus.OPEN && state.waitingCount() > 0
                && state.admittedCount() < admission.maxActive() && !Lotteries.drawing(state);
        return canAdmit ? java.util.Optional.of(admission.nextSlot(state.lastAdmissionAt())) : java.util.Optional.empty();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
