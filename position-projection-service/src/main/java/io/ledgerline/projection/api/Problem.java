package io.ledgerline.projection.api;

import io.ledgerline.schemas.ProblemTypes;

/** RFC 9457 problem details, plus a machine-readable reason; type and title follow {@link ProblemTypes}. */
public record Problem(String type, String title, int status, String detail, String reason) {

    public static final String MEDIA_TYPE = ProblemTypes.MEDIA_TYPE;

    public static Problem of(int status, String reason, String detail) {
        return new Problem(ProblemTypes.type(reason), ProblemTypes.title(reason), status, detail, reason);
    }
}
