package io.ledgerline.projection.it;

import io.ledgerline.access.Role;
import io.ledgerline.access.TokenIssuer;
import io.restassured.RestAssured;
import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;

/**
 * Every test's REST calls carry an admin token of this checkout's stack unless they set their own Authorization
 * header (a Quarkus test callback registered in META-INF/services, so it runs in the class loader the tests' REST
 * calls run in), so tests about something else need not say so. {@code Authorization: none} sends none.
 */
public class AdminTokenForRestAssured implements QuarkusTestBeforeClassCallback {

    private static String admin;
    private static boolean installed;

    @Override
    public void beforeClass(Class<?> testClass) {
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
