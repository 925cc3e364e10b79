package io.ledgerline.command.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ledgerline.command.messaging.CommandNotSentException;
import io.ledgerline.command.messaging.ResultTimeoutException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure of the REST API leaves as {@code application/problem+json}. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return Problem.response(e.status(), e.reason(), e.getMessage(), e.commandId());
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e) {
        return Problem.response(400, "MALFORMED_REQUEST", "the body is not valid JSON for this request: "
                + e.getOriginalMessage(), null);
    }

    @ServerExceptionMapper
    public Response timeout(ResultTimeoutException e) {
        return Problem.response(504, "RESULT_TIMEOUT",
                e.getMessage() + "; it may still be decided: retry with the same Idempotency-Key", e.commandId());
    }

    @ServerExceptionMapper
    public Response notSent(CommandNotSentException e) {
        return Problem.response(503, "COMMAND_NOT_SENT", e.getMessage(), e.commandId());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        // A body the JSON reader could not bind arrives here as a bare 400.
        String reason = switch (status) {
            case 400 -> "MALFORMED_REQUEST";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> status < 500 ? "BAD_REQUEST" : "SERVER_ERROR";
        };
        String detail = e.getCause() != null ? e.getMessage() + ": " + e.getCause().getMessage() : e.getMessage();
        return Problem.response(status, reason, detail, null);
    }
}
