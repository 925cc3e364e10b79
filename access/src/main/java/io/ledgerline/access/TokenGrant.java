package io.ledgerline.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * What a verified token grants: its roles (the {@code groups} it names that are Ledgerline roles; any other grants
 * nothing) and the queues it is limited to (null: every queue).
 */
public record TokenGrant(List<Role> roles, List<String> queues) {

    /**
     * From a verified token's {@code groups} and its {@link TokenIssuer#QUEUES_CLAIM} claim as the JWT library gives
     * it: absent (null, or not a list) for every queue, else a list of strings or of JSON strings (whose text is
     * quoted; queue ids hold no character that needs escaping).
     */
    public static TokenGrant fromClaims(Collection<String> groups, Object queuesClaim) {
        if (!(queuesClaim instanceof Collection<?> values)) {
            return of(groups, null);
        }
        List<String> queues = new ArrayList<>(values.size());
        for (Object value : values) {
            String text = String.valueOf(value);
            queues.add(text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                    ? text.substring(1, text.length() - 1) : text);
        }
        return of(groups, queues);
    }

    public static TokenGrant of(Collection<String> groups, Collection<String> queuesClaim) {
        List<Role> roles = new ArrayList<>();
        for (String group : groups) {
            try {
                roles.add(Role.fromClaim(group));
            } catch (IllegalArgumentException unknown) {
                // not one of ours
            }
        }
        return new TokenGrant(List.copyOf(roles), queuesClaim == null ? null : List.copyOf(queuesClaim));
    }

    public boolean allows(Permission permission, String queueId) {
        return permission.allows(roles, queues, queueId);
    }

    /** Why {@link #allows} said no, for the 403's detail. */
    public String refusal(Permission permission, String queueId) {
        return "a token with roles " + roles.stream().map(Role::claim).toList()
                + (queues == null ? "" : " for queues " + queues) + " may not "
                + permission.name().toLowerCase(Locale.ROOT) + (queueId == null ? " across queues" : " queue " + queueId);
    }
}
