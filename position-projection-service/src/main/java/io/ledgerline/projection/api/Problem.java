package io.ledgerline.projection.api;

/** RFC 9457 problem details, plus a machine-readable reason. */
public record Problem(String type, String title, int status, String detail, String reason) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
