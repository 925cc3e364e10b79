package io.ledgerline.command.messaging.submit;

/** The command could not be written to the commands topic, so it will never be decided. */
public final class CommandNotSentException extends RuntimeException {

    private final String commandId;

    public CommandNotSentException(String commandId, Throwable cause) {
        super("command " + commandId + " could not be sent: " + cause.getMessage(), cause);
        this.commandId = commandId;
    }

    public String commandId() {
        return commandId;
    }
}
