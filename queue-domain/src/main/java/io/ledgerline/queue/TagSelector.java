package io.ledgerline.queue;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Which queues an operation across queues applies to: every queue carrying all of these tags. At least one tag is
 * required, so that no typo can ever select every queue there is.
 */
public record TagSelector(List<String> tags) {

    public TagSelector {
        Objects.requireNonNull(tags, "tags");
        tags = List.copyOf(new TreeSet<>(tags));
    }

    public boolean matches(QueueState state) {
        return state.exists() && state.settings().hasAllTags(tags);
    }

    /** The first problem with the selector, or null when it is well formed. */
    public String problem() {
        if (tags.isEmpty()) {
            return "tags must name at least one tag: an empty selector would select every queue";
        }
        if (tags.size() > SettingsShape.TAGS_MAX) {
            return "a selector names at most " + SettingsShape.TAGS_MAX + " tags, not " + tags.size();
        }
        for (String tag : tags) {
            String problem = FieldLimits.id("tag", tag);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }
}
