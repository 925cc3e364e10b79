package io.ledgerline.projection.api;

import java.util.Set;

/**
 * @param state      REPLAYING (markers dropped; this instance's partitions wiped and replaying, the other instances'
 *                   following within their epoch watch) or RESTART_REQUIRED (this instance's consumer had stopped:
 *                   markers dropped, its partitions are rebuilt by whichever instance holds them next)
 * @param partitions the partitions this instance rebuilds
 */
public record RebuildResponse(String state, String epoch, Set<Integer> partitions, String detail) {
}
