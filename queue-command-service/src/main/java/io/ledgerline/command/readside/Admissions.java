package io.ledgerline.command.readside;

import static io.ledgerline.command.readside.ProjectionReads.encode;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/** Whether an entry stands admitted by its waiting room, as the position projection sees it, and until when. */
@ApplicationScoped
public class Admissions {

    private final ProjectionReads projection;

    public Admissions(ProjectionReads projection) {
        this.projection = projection;
    }

    /** When the entry's admission expires; empty when it is not ADMITTED (or not known). */
    public Uni<Optional<Instant>> admittedUntil(String queueId, String entryId, String bearerToken) {
        return projection.get("/queues/" + encode(queueId) + "/entries/" + encode(entryId), bearerToken)
                .map(found -> found.filter(entry -> "ADMITTED".equals(entry.path("status").asText()))
                        .map(entry -> entry.path("admittedUntil"))
                        .filter(JsonNode::isTextual)
                        .map(until -> Instant.parse(until.asText())));
    }
}
