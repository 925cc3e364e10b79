package io.ledgerline.projection.api;

import java.time.Duration;
import java.util.function.Function;

import io.ledgerline.access.Permission;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.apache.kafka.clients.consumer.Consumer;

import io.ledgerline.projection.messaging.ProjectionRebuilder;
import io.ledgerline.projection.messaging.ProjectionStatus;
import io.ledgerline.projection.messaging.QueueEventConsumer;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;

/**
 * Operations on the projection. A rebuild assumes a single projection instance: it wipes all of Redis' and
 * PostgreSQL's read models, not just the queues of this instance's partitions.
 */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final KafkaClientService kafka;
    private final ProjectionRebuilder rebuilder;
    private final ProjectionStatus status;
    private final Caller caller;

    public AdminResource(KafkaClientService kafka, ProjectionRebuilder rebuilder, ProjectionStatus status,
                         Caller caller) {
        this.kafka = kafka;
        this.rebuilder = rebuilder;
        this.status = status;
        this.caller = caller;
    }

    /** Stop, wipe both stores, replay the events topic from the beginning. Answers once the replay has started. */
    @POST
    @Path("/rebuild")
    @Blocking
    public Response rebuild() {
        caller.require(Permission.ADMINISTER, null);
        if (status.haltReason().isPresent()) {
            // The consumer is gone; wiping (markers included) makes the next start replay the log.
            rebuilder.wipe();
            return Response.accepted(new RebuildResponse("WIPED_RESTART_REQUIRED", null,
                    "The projection had stopped (" + status.haltReason().get()
                            + "); both stores were wiped and the next start replays the log.")).build();
        }
        KafkaConsumer<Object, Object> consumer = kafka.getConsumer(QueueEventConsumer.CHANNEL);
        Function<Consumer<Object, Object>, String> rebuild = c -> {
            if (c.assignment().isEmpty()) {
                // Wiping now would leave the committed offsets ahead of empty stores.
                throw ProblemException.conflict("NO_PARTITIONS_ASSIGNED",
                        "The consumer has no partitions yet; retry once it has joined its group.");
            }
            return rebuilder.rebuild(c, c.assignment(), "requested through POST /admin/rebuild");
        };
        String epoch = consumer.runOnPollingThread(rebuild).await().atMost(Duration.ofMinutes(2));
        return Response.accepted(new RebuildResponse("REPLAYING", epoch,
                "Both stores were wiped; the events topic is being replayed from the beginning.")).build();
    }
}
