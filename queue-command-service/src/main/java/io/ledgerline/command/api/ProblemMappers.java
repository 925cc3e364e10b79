package io.ledgerline.command.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.ledgerline.command.messaging.submit.CommandNotSentException;
import io.ledgerline.command.messaging.submit.OverloadedException;
import io.ledgerline.command.messaging.submit.ResultTimeoutException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure of the REST API leaves as {@code application/problem+json}. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response response = Problem.response(e.status(), e.reason(), e.getMessage(), e.commandId());
        return e.status() == 401
                ? Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build() : response;
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e) {
        return malformed(e);
    }

    /** A body of the wrong shape ({@code []} for an object, a word for a time): Quarkus's own mapper has no body. */
    @ServerExceptionMapper
    public Response unboundBody(MismatchedInputException e) {
        return malformed(e);
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
    public Response overloaded(OverloadedException e) {
        return Response.fromResponse(Problem.response(503, "OVERLOADED", e.getMessage(), null))
                .header(HttpHeaders.RETRY_AFTER, "1").build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return malformed(json);
        }
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

    private static Response malformed(JsonProcessingException e) {
        return Problem.response(400, "MALFORMED_REQUEST", "the body is not valid JSON for this request: "
                + e.getOriginalMessage(), null);
    }
}
