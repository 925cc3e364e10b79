package io.ledgerline.projection.it;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Runs the application against its own throw-away events topic (see {@link EphemeralEventsTopic}) and its own read
 * models: a Redis key prefix and a PostgreSQL schema of its own. Its first start rebuilds from its empty topic, and
 * a rebuild wipes the read models; in the shared ones that would leave the shared topic's consumer group continuing
 * from its committed offsets over wiped stores, a gap at the next event of any queue it had seen.
 */
public class OwnEventsTopicProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(EphemeralEventsTopic.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return readModels("own");
    }

    static Map<String, String> readModels(String name) {
        return Map.of("ledgerline.projection.redis-key-prefix", "ll-" + name + ":",
                "ledgerline.projection.pg-schema", "position_projection_" + name);
    }
}
