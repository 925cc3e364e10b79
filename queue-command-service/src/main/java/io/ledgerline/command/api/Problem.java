package io.ledgerline.command.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ledgerline.schemas.ProblemTypes;
import jakarta.ws.rs.core.Response;

/** The {@code application/problem+json} body; {@code reason} is the field clients switch on. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String reason, String commandId) {

    public static Response response(int status, String reason, String detail, String commandId) {
        Problem problem = new Problem(ProblemTypes.type(reason), ProblemTypes.title(reason), status, detail, reason,
                commandId);
        return Response.status(status).type(ProblemTypes.MEDIA_TYPE).entity(problem).build();
    }
}
