package io.ledgerline.command.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/** The {@code application/problem+json} body; {@code reason} is the field clients switch on. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String reason, String commandId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(int status, String reason, String detail, String commandId) {
        Problem problem = new Problem("urn:ledgerline:problem:" + reason.toLowerCase(Locale.ROOT).replace('_', '-'),
                title(reason), status, detail, reason, commandId);
        return Response.status(status).type(MEDIA_TYPE).entity(problem).build();
    }

    private static String title(String reason) {
        String words = reason.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
