package io.ledgerline.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain JSON client, so the test talks to the services exactly as any other HTTP caller. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    record Reply(int status, JsonNode body, HttpHeaders headers) {}

    private static final java.util.function.Supplier<String> ADMIN = new java.util.function.Supplier<>() {
        private String token;

        @Override
        public synchronized String get() {
            if (token == null) {
                try {
                    token = io.ledgerline.access.TokenIssuer.local().issue("e2e", io.ledgerline.access.Role.ADMIN,
                            null, Duration.ofHours(4), java.time.Instant.now());
                } catch (Exception e) {
                    throw new IllegalStateException("no token key: " + e.getMessage(), e);
                }
            }
            return token;
        }
    };

    private Http() {}

    /** The admin token every call of this class carries, for a tool that calls the services itself. */
    static String adminToken() {
        return ADMIN.get();
    }

    static Reply get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    static Reply post(String url, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A POST whose retries are safe: the same key names the same command. */
    static Reply post(String url, String json, String idempotencyKey) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static Reply put(String url, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    static Reply delete(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).DELETE());
    }

    /** Every call is an admin's: these tests are about what the stack does, the role matrix has its own. */
    private static Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return sendAs("Bearer " + ADMIN.get(), request);
    }

    /**
     * A call as someone else: {@code authorization} the header's value (a person's ticket: {@code Bearer <ticket>}),
     * null for a call without credentials.
     */
    static Reply as(String authorization, String method, String url, String json)
            throws IOException, InterruptedException {
        return sendAs(authorization, HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)));
    }

    private static Reply sendAs(String authorization, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        return new Reply(response.statusCode(), body == null || body.isBlank() ? null : JSON.readTree(body),
                response.headers());
    }
}
