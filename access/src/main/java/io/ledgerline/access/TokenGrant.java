package io.ledgerline.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * What a verified token grants: its roles (the {@code groups} it names that are Ledgerline roles; any other grants
 * nothing), the queues it is limited to (null: every queue) and, for a ticket, the one entry it is for (null for every
 * other token). A ticket acts only on its entry; a ticket without one grants nothing.
 */
public record TokenGrant(List<Role> roles, List<String> queues, String entry) {

    public TokenGrant(List<Role> roles, List<String> queues) {
        this(roles, queues, null);
    }

    /** As {@link #fromClaims(Collection, Object)}, with the {@link TokenIssuer#ENTRY_CLAIM} a ticket carries. */
    public static TokenGrant fromClaims(Collection<String> groups, Object queuesClaim, Object entryClaim) {
        TokenGrant grant = fromClaims(groups, queuesClaim);
        String entry = entryClaim == null ? null : unquoted(String.valueOf(entryClaim));
        boolean ticket = grant.roles.contains(Role.TICKET);
        if (ticket && (entry == null || grant.queues == null || grant.roles.size() > 1)) {
            return new TokenGrant(List.of(), List.of()); // a malformed ticket: nothing
        }
        return ticket ? new TokenGrant(grant.roles, grant.queues, entry) : grant;
    }

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
            queues.add(unquoted(String.valueOf(value)));
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

    /** Whether it allows {@code permission} on {@code queueId} as a whole (never for a ticket). */
    public boolean allows(Permission permission, String queueId) {
        return entry == null && permission.allows(roles, queues, queueId);
    }

    /** Whether it allows {@code permission} on entry {@code entryId} of {@code queueId} (null: the queue as a whole). */
    public boolean allows(Permission permission, String queueId, String entryId) {
        return entry == null ? allows(permission, queueId)
                : entry.equals(entryId) && permission.allows(roles, queues, queueId);
    }

    private static String unquoted(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1) : text;
    }

    /** Why {@link #allows} said no, for the 403's detail. */
    public String refusal(Permission permission, String queueId) {
        if (entry != null) {
            return "a ticket acts on its own entry " + entry + " of queue " + queues.get(0) + " only";
        }
        return "a token with roles " + roles.stream().map(Role::claim).toList()
                + (queues == null ? "" : " for queues " + queues) + " may not "
                + permission.name().toLowerCase(Locale.ROOT) + (queueId == null ? " across queues" : " queue " + queueId);
    }
}
