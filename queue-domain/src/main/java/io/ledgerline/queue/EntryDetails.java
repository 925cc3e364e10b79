package io.ledgerline.queue;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the caller says about an entry beyond its priority: a type (a job kind, a visit reason) workers and screens
 * can go by, the caller's own reference for it, a reference to the person, and free metadata. Recorded on
 * {@link EntryJoined} for readers; the decider does not keep it, since no rule depends on it.
 */
public record EntryDetails(String type, String externalRef, String personRef, Map<String, String> metadata) {

    public static final EntryDetails NONE = new EntryDetails(null, null, null, Map.of());

    public static final int METADATA_MAX = 20;
    public static final int KEY_MAX = 64;

    public EntryDetails {
        metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(metadata));
    }

    /** How many characters the details carry, for the bound on a batch's record size. */
    public int characters() {
        int sum = length(type) + length(externalRef) + length(personRef);
        for (Map.Entry<String, String> pair : metadata.entrySet()) {
            sum += length(pair.getKey()) + length(pair.getValue());
        }
        return sum;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    public boolean isNone() {
        return equals(NONE);
    }

    /** The first problem, or null when the details are within their limits. */
    String problem() {
        for (String problem : new String[] {optionalId("type", type),
                FieldLimits.optionalText("externalRef", externalRef, FieldLimits.NAME_MAX),
                optionalId("personRef", personRef)}) {
            if (problem != null) {
                return problem;
            }
        }
        if (metadata.size() > METADATA_MAX) {
            return "metadata holds at most " + METADATA_MAX + " keys, not " + metadata.size();
        }
        for (Map.Entry<String, String> pair : metadata.entrySet()) {
            if (pair.getKey().length() > KEY_MAX || FieldLimits.id("metadata key", pair.getKey()) != null) {
                return "metadata key '" + pair.getKey() + "' must be 1-" + KEY_MAX + " characters of the id alphabet";
            }
            if (pair.getValue() == null) {
                return "metadata." + pair.getKey() + " has no value";
            }
            String value = FieldLimits.optionalText("metadata." + pair.getKey(), pair.getValue(), FieldLimits.TEXT_MAX);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String optionalId(String field, String value) {
        return value == null ? null : FieldLimits.id(field, value);
    }
}
