package io.ledgerline.projection.api;

/** A queue or entry the read model does not know. */
public class NotFoundProblem extends RuntimeException {

    private final String reason;

    private NotFoundProblem(String reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public static NotFoundProblem queue(String queueId) {
        return new NotFoundProblem("QUEUE_NOT_FOUND", "No queue " + queueId + " in the projection");
    }

    public static NotFoundProblem entry(String queueId, String entryId) {
        return new NotFoundProblem("ENTRY_NOT_FOUND", "No entry " + entryId + " in queue " + queueId);
    }

    public Problem problem() {
        return new Problem("https://ledgerline.io/problems/" + reason.toLowerCase().replace('_', '-'),
                reason.equals("QUEUE_NOT_FOUND") ? "Queue not found" : "Entry not found", 404, getMessage(), reason);
    }
}
