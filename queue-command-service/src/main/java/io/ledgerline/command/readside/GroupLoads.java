package io.ledgerline.command.readside;

import static io.ledgerline.command.readside.ProjectionReads.encode;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.command.model.GroupChoice;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * A group's queues and their loads, as the position projection sees them. The decision it feeds (where a join goes
 * first) tolerates a read a moment old; the join itself is still decided by the chosen queue's owner.
 */
@ApplicationScoped
public class GroupLoads {

    /** The group's queues, and the one of them where the asked entry is already active (null: none). */
    public record Group(List<GroupChoice.Load> queues, String entryIn) {}

    private final ProjectionReads projection;

    public GroupLoads(ProjectionReads projection) {
        this.projection = projection;
    }

    /** The group's loads, read with the caller's own token: the projection decides what it may read. */
    public Uni<Group> of(String groupId, String entryId, String bearerToken) {
        return projection.get("/queue-groups/" + encode(groupId) + "?entryId=" + encode(entryId), bearerToken)
                .map(found -> parse(found.orElseThrow(
                        () -> new IllegalStateException("the projection answered 404 for group " + groupId))));
    }

    private static Group parse(JsonNode group) {
        List<GroupChoice.Load> queues = new ArrayList<>();
        for (JsonNode queue : group.path("queues")) {
            queues.add(new GroupChoice.Load(queue.path("queueId").asText(), queue.path("status").asText(),
                    queue.path("waitingCount").asLong(), queue.path("completedPerHour").asLong()));
        }
        JsonNode in = group.path("entryIn");
        return new Group(queues, in.isTextual() ? in.asText() : null);
    }
}
