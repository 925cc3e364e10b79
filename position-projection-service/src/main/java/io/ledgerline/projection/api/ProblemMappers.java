package io.ledgerline.projection.api;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns API exceptions into {@code application/problem+json} answers. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response notFound(NotFoundProblem e) {
        return problem(e.problem());
    }

    @ServerExceptionMapper
    public Response badRequest(IllegalArgumentException e) {
        return problem(new Problem("https://ledgerline.io/problems/invalid-request", "Invalid request", 400,
                e.getMessage(), "INVALID_REQUEST"));
    }

    static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
