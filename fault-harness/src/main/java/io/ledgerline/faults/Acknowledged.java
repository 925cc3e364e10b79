package io.ledgerline.faults;

/**
 * A command the system answered for good: 2xx (accepted, with the sequences it appended) or a refusal the client
 * must not retry (4xx, with the reason). The checker holds the log to every one of these.
 *
 * @param first,last the appended sequences of an accepted command; 0 for a refusal
 */
record Acknowledged(String queueId, String commandId, String operation, int status, long first, long last,
                    String entryId, String reason) {

    boolean accepted() {
        return status / 100 == 2;
    }
}
