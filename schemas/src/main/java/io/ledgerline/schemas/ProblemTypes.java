package io.ledgerline.schemas;

import java.util.Locale;

/**
 * The one naming scheme of the RFC 9457 problem {@code type} and {@code title} of every Ledgerline service, derived
 * from the machine-readable reason ({@code QUEUE_FULL} → {@code urn:ledgerline:problem:queue-full}, "Queue full"),
 * so a client can switch on either the reason or the type and find the same answer from each service.
 */
public final class ProblemTypes {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String PREFIX = "urn:ledgerline:problem:";

    private ProblemTypes() {}

    public static String type(String reason) {
        return PREFIX + reason.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The whole problem body, for answers written below the REST layer (an HTTP filter, a route handler). */
    public static String body(int status, String reason, String detail) {
        return "{\"type\":" + JsonText.quote(type(reason)) + ",\"title\":" + JsonText.quote(title(reason))
                + ",\"status\":" + status + ",\"detail\":" + JsonText.quote(detail) + ",\"reason\":"
                + JsonText.quote(reason) + "}";
    }

    public static String title(String reason) {
        String words = reason.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
