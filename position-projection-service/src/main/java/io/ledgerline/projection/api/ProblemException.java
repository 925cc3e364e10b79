package io.ledgerline.projection.api;

/** An answer other than success, carried to {@link ProblemMappers} as {@code application/problem+json}. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String reason;

    private ProblemException(int status, String reason, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.reason = reason;
    }

    public static ProblemException queueNotFound(String queueId) {
        return new ProblemException(404, "QUEUE_NOT_FOUND", "No queue " + queueId + " in the projection");
    }

    public static ProblemException entryNotFound(String queueId, String entryId) {
        return new ProblemException(404, "ENTRY_NOT_FOUND", "No entry " + entryId + " in queue " + queueId);
    }

    public static ProblemException notFound(String reason, String detail) {
        return new ProblemException(404, reason, detail);
    }

    public static ProblemException projectionBehind(String detail) {
        return new ProblemException(503, "PROJECTION_BEHIND", detail);
    }

    public static ProblemException unauthenticated(String detail) {
        return new ProblemException(401, "UNAUTHENTICATED", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "FORBIDDEN", detail);
    }

    public static ProblemException invalidRequest(String detail) {
        return new ProblemException(400, "INVALID_REQUEST", detail);
    }

    public static ProblemException conflict(String reason, String detail) {
        return new ProblemException(409, reason, detail);
    }

    public Problem problem() {
        return Problem.of(status, reason, getMessage());
    }
}
