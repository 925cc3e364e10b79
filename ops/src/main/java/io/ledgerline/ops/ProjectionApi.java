package io.ledgerline.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The position projection's API as the tool uses it: its digests, its queue listing and its rebuild. */
final class ProjectionApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ProjectionApi(String base, String token) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token;
    }

    /** The read models' digest of a queue; empty when they do not know it. */
    Optional<JsonNode> digest(String queueId, Integer leaf) {
        String path = "/admin/digests/" + encode(queueId) + (leaf == null ? "" : "?leaf=" + leaf);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        if (answer.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(body(answer, path));
    }

    /** Every queue the projection lists, by id. */
    List<String> queueIds() {
        List<String> ids = new ArrayList<>();
        String after = "";
        while (true) {
            String path = "/queues?limit=500&after=" + encode(after);
            JsonNode page = body(send(HttpRequest.newBuilder(URI.create(base + path)).GET()), path);
            page.forEach(q -> ids.add(q.get("queueId").asText()));
            if (page.size() < 500) {
                return ids;
            }
            after = ids.get(ids.size() - 1);
        }
    }

    JsonNode rebuild() {
        return body(send(HttpRequest.newBuilder(URI.create(base + "/admin/rebuild"))
                .POST(HttpRequest.BodyPublishers.noBody())), "/admin/rebuild");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.timeout(Duration.ofMinutes(3)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new OpsFailure("the projection at " + base + " does not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpsFailure("interrupted");
        }
    }

    private static JsonNode body(HttpResponse<String> answer, String path) {
        if (answer.statusCode() / 100 != 2) {
            throw new OpsFailure("the projection answered " + answer.statusCode() + " to " + path + ": "
                    + answer.body() + (answer.statusCode() == 401 || answer.statusCode() == 403
                    ? " (LEDGERLINE_TOKEN must hold an admin token: ./ledgerline token admin)" : ""));
        }
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new OpsFailure("the projection's answer to " + path + " is not JSON: " + e.getMessage());
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
