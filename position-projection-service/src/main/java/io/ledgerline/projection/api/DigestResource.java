package io.ledgerline.projection.api;

import io.ledgerline.access.Permission;
import io.ledgerline.projection.store.ReadModelDigests;
import io.ledgerline.queue.QueueDigest;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The digest of a queue's read models, for {@code ledgerline ops verify} to compare with the domain's replay of the
 * log at the same sequence. {@code ?leaf=i} adds the lines of leaf i, so a difference is shown without either side
 * shipping its whole line.
 */
@Path("/admin/digests/{queueId}")
@Produces(MediaType.APPLICATION_JSON)
public class DigestResource {

    /** @param lines the lines of the leaf asked for; null when none was */
    public record DigestResponse(String queueId, long sequence, String root, List<QueueDigest.Leaf> leaves,
                                 List<String> lines) {}

    private final ReadModelDigests digests;
    private final Caller caller;

    public DigestResource(ReadModelDigests digests, Caller caller) {
        this.digests = digests;
        this.caller = caller;
    }

    @GET
    public Uni<DigestResponse> digest(@PathParam("queueId") String queueId, @QueryParam("leaf") String leafText) {
        caller.require(Permission.ADMINISTER, null);
        Integer leaf = leafText == null ? null : (int) Pages.wholeNumber(leafText, "leaf");
        return digests.of(queueId).map(found -> {
            ReadModelDigests.Computed computed = found.orElseThrow(() -> ProblemException.queueNotFound(queueId));
            List<QueueDigest.Leaf> leaves = computed.digest().leaves();
            if (leaf != null && leaf >= leaves.size()) {
                throw ProblemException.invalidRequest("leaf " + leaf + " does not exist: the digest has "
                        + leaves.size() + " leaves");
            }
            return new DigestResponse(queueId, computed.sequence(), computed.digest().root(), leaves,
                    leaf == null ? null : computed.lines().linesOf(leaves.get(leaf)));
        });
    }
}
