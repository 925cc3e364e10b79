package io.ledgerline.projection.api;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns API exceptions into {@code application/problem+json} answers. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Problem problem = e.problem();
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
