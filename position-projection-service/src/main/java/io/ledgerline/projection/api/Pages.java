package io.ledgerline.projection.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.ledgerline.projection.ProjectionConfig;

/**
 * The one way listings page: a {@code limit} of 1 to {@code max-page-size}, and while there is more, a
 * {@code Link: <…&after=CURSOR>; rel="next"} header naming the next page (the request's own URI, its cursor replaced).
 */
final class Pages {

    private Pages() {
    }

    static void checkLimit(int limit, ProjectionConfig config) {
        if (limit < 1 || limit > config.maxPageSize()) {
            throw ProblemException.invalidRequest("limit must be between 1 and " + config.maxPageSize());
        }
    }

    /** 200 with {@code page}, and the next page's link when {@code nextAfter} is not null. */
    static Response of(Object page, Object nextAfter, UriInfo uri) {
        Response.ResponseBuilder response = Response.ok(page);
        if (nextAfter != null) {
            response.header("Link", "<" + uri.getRequestUriBuilder().replaceQueryParam("after", nextAfter).build()
                    + ">; rel=\"next\"");
        }
        return response.build();
    }
}
