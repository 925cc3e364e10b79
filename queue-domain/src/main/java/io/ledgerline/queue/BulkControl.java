package io.ledgerline.queue;

import java.util.Optional;

/**
 * What a {@link BulkCommand} asks of one queue. A queue the selector does not match is left out; a queue already as
 * asked (stopped, or not stopped for a resume) is reported so and gets no command; any other gets the queue command
 * the decider then decides as usual, so every rule of a single stop or resume holds for each queue of a bulk one.
 */
public final class BulkControl {

    private BulkControl() {
    }

    /** The answer for one queue: the command to decide, or that it is already as asked. */
    public record Step(QueueCommand command) {

        public static final Step ALREADY_DONE = new Step(null);

        public boolean alreadyDone() {
            return command == null;
        }
    }

    /** The first problem with the bulk command alone, or null when it is well formed. */
    public static String problem(BulkCommand command) {
        if (command instanceof BulkCommand.ByPerson byPerson) {
            return CommandShape.personService(byPerson.personRef(), byPerson.service());
        }
        BulkCommand.ByTags byTags = (BulkCommand.ByTags) command;
        if (byTags.selector() == null) {
            return "a selector is required";
        }
        String selector = byTags.selector().problem();
        if (selector != null) {
            return selector;
        }
        return switch (byTags) {
            case EmergencyStopByTags c -> FieldLimits.text("reason", c.reason(), FieldLimits.TEXT_MAX);
            case ResumeByTags c -> null;
        };
    }

    /** Empty when the queue is not selected. */
    public static Optional<Step> stepFor(BulkCommand command, QueueState state) {
        return switch (command) {
            case BulkCommand.ByPerson c -> PersonHolds.stepFor(c, state);
            case BulkCommand.ByTags c -> stepFor(c, state);
        };
    }

    private static Optional<Step> stepFor(BulkCommand.ByTags command, QueueState state) {
        if (!command.selector().matches(state)) {
            return Optional.empty();
        }
        boolean stopped = state.status() == QueueStatus.EMERGENCY_STOPPED;
        return Optional.of(switch (command) {
            case EmergencyStopByTags c -> stopped ? Step.ALREADY_DONE
                    : new Step(new EmergencyStopQueue(state.queueId(), c.reason()));
            case ResumeByTags c -> stopped ? new Step(new ResumeQueue(state.queueId())) : Step.ALREADY_DONE;
        });
    }
}
