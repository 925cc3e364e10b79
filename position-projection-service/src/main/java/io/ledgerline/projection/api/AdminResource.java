package io.ledgerline.projection.api;

import java.time.Duration;
import java.util.Set;
import java.util.function.Function;

import io.ledgerline.access.Permission;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.apache.kafka.clients.consumer.Consumer;

import io.ledgerline.projection.messaging.AssignedPartitions;
import io.ledgerline.projection.messaging.ProjectionRebuilder;
import io.ledgerline.projection.messaging.ProjectionStatus;
import io.ledgerline.projection.messaging.QueueEventConsumer;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;

/**
 * Operations on the projection. A rebuild reaches every instance sharing the read models: it drops every partition's
 * epoch markers; this instance rebuilds its partitions at once, the others theirs within their epoch watch's interval.
 */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final KafkaClientService kafka;
    private final ProjectionRebuilder rebuilder;
    private final ProjectionStatus status;
    private final AssignedPartitions assigned;
    private final Caller caller;

    public AdminResource(KafkaClientService kafka, ProjectionRebuilder rebuilder, ProjectionStatus status,
                         AssignedPartitions assigned, Caller caller) {
        this.kafka = kafka;
        this.rebuilder = rebuilder;
        this.status = status;
        this.assigned = assigned;
        this.caller = caller;
    }

    /** Which partitions of the events topic this instance applies, and whether it is applying them. */
    public record PartitionsResponse(Set<Integer> assigned, String haltReason) {
    }

    @GET
    @Path("/partitions")
    public PartitionsResponse partitions() {
        caller.require(Permission.ADMINISTER, null);
        return new PartitionsResponse(assigned.numbers(), status.haltReason().orElse(null));
    }

    /** Wipe and replay every partition's queues, on every instance. Answers once this instance's replay started. */
    @POST
    @Path("/rebuild")
    @Blocking
    public Response rebuild() {
        caller.require(Permission.ADMINISTER, null);
        if (status.haltReason().isPresent()) {
            rebuilder.forgetEpochs();
            return Response.accepted(new RebuildResponse("RESTART_REQUIRED", null, Set.of(),
                    "This instance had stopped (" + status.haltReason().get() + "); every partition's markers were"
                            + " dropped, so each is wiped and replayed by the instance that holds it next: restart"
                            + " this one.")).build();
        }
        KafkaConsumer<Object, Object> consumer = kafka.getConsumer(QueueEventConsumer.CHANNEL);
        Function<Consumer<Object, Object>, RebuildResponse> rebuild = c -> {
            if (c.assignment().isEmpty()) {
                // Dropping markers now would leave nobody here to act on them first.
                throw ProblemException.conflict("NO_PARTITIONS_ASSIGNED",
                        "The consumer has no partitions yet; retry once it has joined its group.");
            }
            rebuilder.forgetEpochs();
            String epoch = rebuilder.rebuild(c, c.assignment(), c.assignment(),
                    "requested through POST /admin/rebuild");
            return new RebuildResponse("REPLAYING", epoch, AssignedPartitions.numbers(c.assignment()), "This instance's partitions were wiped and are being"
                    + " replayed from the beginning; other instances rebuild theirs within seconds.");
        };
        return Response.accepted(consumer.runOnPollingThread(rebuild).await().atMost(Duration.ofMinutes(2))).build();
    }
}
