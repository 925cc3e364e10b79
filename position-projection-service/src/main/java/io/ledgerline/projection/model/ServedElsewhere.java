package io.ledgerline.projection.model;

/**
 * A service of an entry's person in another entry (called or admitted there), which holds the entry in a queue set to
 * hold while served elsewhere.
 */
public record ServedElsewhere(String queueId, String entryId) {

    /**
     * How the read models name it: {@code queueId/entryId}. Ids are letters, digits, '.', '_', ':' and '-' (the
     * domain's field limits), so the slash is unambiguous and the reference holds no space.
     */
    public String ref() {
        return queueId + "/" + entryId;
    }
}
