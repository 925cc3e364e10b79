package io.ledgerline.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Names and histories shared by the decider tests. */
final class Fixtures {

    static final String Q = "clinic-a";
    static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    static final Instant WAKE_AT = T0.plusSeconds(3600);

    private Fixtures() {
    }

    static Instant at(long secondsAfterT0) {
        return T0.plusSeconds(secondsAfterT0);
    }

    static QueueCreated created(int capacity) {
        return new QueueCreated(Q, "Clinic A", capacity);
    }

    static QueueCreated created() {
        return created(10);
    }

    static EntryJoined joined(String entryId, Priority priority, long ticket) {
        return new EntryJoined(Q, entryId, priority, ticket, at(ticket));
    }

    static EntryCalled called(String entryId) {
        return new EntryCalled(Q, entryId, at(100), null, null);
    }

    /** Events that bring a freshly created queue (capacity 10) into the given status. */
    static List<QueueEvent> queueIn(QueueStatus status) {
        List<QueueEvent> history = new ArrayList<>(List.of(created()));
        switch (status) {
            case OPEN -> {
            }
            case PAUSED -> history.add(new QueuePaused(Q, "lunch"));
            case SLEEPING -> history.add(new QueueSlept(Q, WAKE_AT));
            case CLOSED -> history.add(new QueueClosed(Q));
            case EMERGENCY_STOPPED -> history.add(new QueueEmergencyStopped(Q, "fire alarm"));
        }
        return history;
    }

    /** One well-formed command of every kind, about entry "e1", at T0. */
    static List<QueueCommand> everyCommand() {
        return List.of(
                new CreateQueue(Q, "Clinic A", 10),
                new ConfigureQueue(Q, "Clinic A", 20),
                new JoinQueue(Q, "e1", Priority.NORMAL, T0),
                new LeaveQueue(Q, "e1"),
                new CallNext(Q, T0),
                new CompleteEntry(Q, "e1", T0),
                new MarkNoShow(Q, "e1"),
                new RequeueEntry(Q, "e1"),
                new ChangePriority(Q, "e1", Priority.URGENT, "chest pain"),
                new TransferEntry(Q, "e1", "clinic-b", "shorter line"),
                new PauseQueue(Q, "lunch"),
                new ResumeQueue(Q),
                new SleepQueue(Q, WAKE_AT, T0),
                new WakeQueue(Q),
                new OpenQueue(Q),
                new CloseQueue(Q),
                new EmergencyStopQueue(Q, "fire alarm"),
                new FailEntry(Q, "e1", "no answer", T0),
                new ReleaseDueEntries(Q, T0),
                new ScheduleQueue(Q, WAKE_AT, WAKE_AT.plusSeconds(3600), T0));
    }
}
