package io.ledgerline.command.messaging.submit;

import java.time.Duration;

/** No result came back in time. The command was sent and may still be decided: retry with the same key. */
public final class ResultTimeoutException extends RuntimeException {

    private final String commandId;

    public ResultTimeoutException(String commandId, Duration waited) {
        super("no result for command " + commandId + " within " + waited.toMillis() + " ms");
        this.commandId = commandId;
    }

    public String commandId() {
        return commandId;
    }
}
