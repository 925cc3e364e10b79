package io.ledgerline.command.it;

import io.ledgerline.access.Role;
import io.ledgerline.access.TokenIssuer;
import io.restassured.RestAssured;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every test's REST calls carry an admin token of this checkout's stack unless they set their own Authorization
 * header (registered for the whole module in META-INF/services, with JUnit's extension autodetection on), so tests
 * about something else need not say so. {@code Authorization: none} sends the request without any.
 */
public class AdminTokenForRestAssured implements BeforeAllCallback {

    private static String admin;
    private static boolean installed;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (AdminTokenForRestAssured.class) {
            if (installed) {
                return;
            }
            String bearer = "Bearer " + admin();
            RestAssured.filters((request, response, next) -> {
                if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                    request.header("Authorization", bearer);
                } else if ("none".equals(request.getHeaders().getValue("Authorization"))) {
                    request.removeHeader("Authorization");
                }
                return next.next(request, response);
            });
            installed = true;
        }
    }

    static synchronized String admin() {
        if (admin == null) {
            admin = token(Role.ADMIN, null);
        }
        return admin;
    }

    static String token(Role role, java.util.List<String> queues) {
        try {
            return TokenIssuer.local().issue("it-" + role.claim(), role, queues);
        } catch (Exception e) {
            throw new IllegalStateException("no token key for the tests: " + e.getMessage(), e);
        }
    }
}
