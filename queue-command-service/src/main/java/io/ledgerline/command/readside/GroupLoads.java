package io.ledgerline.command.readside;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.command.config.CommandServiceConfig;
import io.ledgerline.command.model.GroupChoice;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A group's queues and their loads, as the position projection sees them. The decision it feeds (where a join goes
 * first) tolerates a read a moment old; the join itself is still decided by the chosen queue's owner.
 */
@ApplicationScoped
public class GroupLoads {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    /** The group's queues, and the one of them where the asked entry is already active (null: none). */
    public record Group(List<GroupChoice.Load> queues, String entryIn) {}

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper json;
    private final String projectionUrl;

    public GroupLoads(CommandServiceConfig config, ObjectMapper json) {
        this.json = json;
        this.projectionUrl = config.command().projectionUrl();
    }

    /** The group's loads, read with the caller's own token: the projection decides what it may read. */
    public Uni<Group> of(String groupId, String entryId, String bearerToken) {
        URI uri = URI.create(projectionUrl + "/queue-groups/" + encode(groupId) + "?entryId=" + encode(entryId));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + bearerToken).GET().build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("the projection answered " + response.statusCode());
                    }
                    return parse(response.body());
                });
    }

    private Group parse(String body) {
        try {
            JsonNode group = json.readTree(body);
            List<GroupChoice.Load> queues = new ArrayList<>();
            for (JsonNode queue : group.path("queues")) {
                queues.add(new GroupChoice.Load(queue.path("queueId").asText(), queue.path("status").asText(),
                        queue.path("waitingCount").asLong(), queue.path("completedPerHour").asLong()));
            }
            JsonNode in = group.path("entryIn");
            return new Group(queues, in.isTextual() ? in.asText() : null);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the projection's answer does not parse: " + e.getMessage(), e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
