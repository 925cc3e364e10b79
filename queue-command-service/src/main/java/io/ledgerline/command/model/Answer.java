package io.ledgerline.command.model;

/**
 * What the owner publishes on the results topic for one command record.
 *
 * @param requestId  the sender's id of this attempt, if it gave one
 * @param repeated   true when this is not the first outcome under the key (a retry, or the key reused)
 * @param remembered the first outcome under the key as the idempotency window keeps it; null when nothing was
 *                   decided (a malformed command), so nothing is remembered and the key may be sent again, corrected
 */
public record Answer(String queueId, String commandId, String requestId, CommandOutcome outcome, boolean repeated,
                     RememberedOutcome remembered) {

    /** A first outcome that the window remembers. */
    public boolean isFirstRemembered() {
        return !repeated && remembered != null;
    }
}
