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

    /** The {@code limit} asked for, or 400 when it is not a whole number from 1 to the largest page. */
    static int limit(String text, ProjectionConfig config) {
        long limit = wholeNumber(text, "limit");
        if (limit < 1 || limit > config.maxPageSize()) {
            throw ProblemException.invalidRequest("limit must be between 1 and " + config.maxPageSize());
        }
        return (int) limit;
    }

    /** A listing's {@code after} when its cursor is a sequence: a whole number, 0 for the start. */
    static long sequenceAfter(String text) {
        return wholeNumber(text, "after");
    }

    /**
     * A parameter that must be a whole number of 0 or more, or 400 saying so (rather than the 404 JAX-RS gives a
     * query parameter it cannot convert).
     */
    static long wholeNumber(String text, String name) {
        try {
            long value = Long.parseLong(text.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalidRequest(name + " must be a whole number of 0 or more, not '" + text + "'");
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
