package io.ledgerline.projection.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns API exceptions into {@code application/problem+json} answers. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Problem problem = e.problem();
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        return problem.status() == 401 ? response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build()
                : response.build();
    }
}
