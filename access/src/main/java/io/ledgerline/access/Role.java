package io.ledgerline.access;

import java.util.Locale;

/**
 * The roles a token names (its {@code groups} claim). What each may do is written once, on {@link Permission}; the
 * services only ask whether a token's roles allow an action on a queue.
 */
public enum Role {
    /** Everything, on every queue: configuration, emergency stop, rebuild and replay included. */
    ADMIN,
    /** Runs the queues its token names (or all): every queue and entry action but configuration and emergency stop. */
    OPERATOR,
    /** Serves the queues its token names: calls next, completes, fails, marks no-shows, and reads them. */
    WORKER,
    /** A system that joins people to queues and reads them, as on the commands topic. */
    INTEGRATOR,
    /** Reads, nothing more. */
    VIEWER,
    /**
     * A person's ticket for one entry, which the service issues when they join: it reads that entry and leaves with
     * it, nothing more. A token with this role but no entry grants nothing.
     */
    TICKET;

    /** The name in a token's {@code groups} claim and in {@code @RolesAllowed}. */
    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromClaim(String claim) {
        return valueOf(claim.strip().toUpperCase(Locale.ROOT));
    }

    public static final String ADMIN_CLAIM = "admin";
    public static final String OPERATOR_CLAIM = "operator";
    public static final String WORKER_CLAIM = "worker";
    public static final String INTEGRATOR_CLAIM = "integrator";
    public static final String VIEWER_CLAIM = "viewer";
    public static final String TICKET_CLAIM = "ticket";
}
