package io.ledgerline.projection.it;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Runs the application against its own throw-away events topic; see {@link EphemeralEventsTopic}. */
public class OwnEventsTopicProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(EphemeralEventsTopic.class));
    }
}
