package io.ledgerline.command.api;

/** A request that ends in an RFC 9457 problem: the HTTP status, a machine-readable reason, and a sentence. */
public final class ProblemException extends RuntimeException {

    private final int status;
    private final String reason;
    private final String commandId;

    public ProblemException(int status, String reason, String detail) {
        this(status, reason, detail, null);
    }

    public ProblemException(int status, String reason, String detail, String commandId) {
        super(detail);
        this.status = status;
        this.reason = reason;
        this.commandId = commandId;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public String commandId() {
        return commandId;
    }
}
