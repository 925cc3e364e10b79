package io.ledgerline.projection.it;

import io.restassured.response.Response;
import java.net.URI;

/** Following a listing's pages as a client would: by its {@code Link: <url>; rel="next"} header. */
final class Links {

    private Links() {}

    /** The next page's path and query, or null on the last page. */
    static String next(Response response) {
        String link = response.header("Link");
        if (link == null) {
            return null;
        }
        URI uri = URI.create(link.substring(link.indexOf('<') + 1, link.indexOf('>')));
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }
}
