package io.ledgerline.command.readside;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.command.config.CommandServiceConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads from the position projection on a caller's behalf, with the caller's own token: the projection decides what
 * they may read, and answers a moment behind the log, which every use here tolerates.
 */
@ApplicationScoped
public class ProjectionReads {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper json;
    private final String projectionUrl;

    public ProjectionReads(CommandServiceConfig config, ObjectMapper json) {
        this.json = json;
        this.projectionUrl = config.command().projectionUrl();
    }

    /** The JSON at {@code path} (segments already encoded), or empty on 404; any other answer fails. */
    Uni<Optional<JsonNode>> get(String path, String bearerToken) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(projectionUrl + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + bearerToken).GET().build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .map(response -> {
                    if (response.statusCode() == 404) {
                        return Optional.empty();
                    }
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("the projection answered " + response.statusCode());
                    }
                    try {
                        return Optional.of(json.readTree(response.body()));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("the projection's answer does not parse: " + e.getMessage(), e);
                    }
                });
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
