package io.ledgerline.projection.it;

import java.util.Map;

/**
 * Its own application on its own throw-away events topic, like {@link OwnEventsTopicProfile}, but never shared with
 * the gap test, which stops its application for good. Thousands of events stay out of the shared test topic too,
 * whose every replay would read them again.
 */
public class BatchEventsTopicProfile extends OwnEventsTopicProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return readModels("batch");
    }
}
