package io.ledgerline.access;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The kinds of action the REST APIs offer, and which roles may take each: the one place the role matrix is written.
 * A role other than admin is further limited to the queues its token names ({@link #allows}).
 */
public enum Permission {
    /** Read a queue, its line, an entry, a group's loads. */
    READ(Role.ADMIN, Role.OPERATOR, Role.WORKER, Role.INTEGRATOR, Role.VIEWER, Role.TICKET),
    /** Join a queue or a group, leave it. A ticket may only read and leave with its own entry ({@link TokenGrant}). */
    JOIN(Role.ADMIN, Role.OPERATOR, Role.INTEGRATOR, Role.TICKET),
    /** Call next, complete, fail, mark a no-show. */
    SERVE(Role.ADMIN, Role.OPERATOR, Role.WORKER),
    /** Requeue, change priority, transfer; pause, resume, sleep, wake, open, close, schedule; lotteries. */
    OPERATE(Role.ADMIN, Role.OPERATOR),
    /** Create and configure queues, emergency-stop them (one or by tag), rebuild projections, replay the log. */
    ADMINISTER(Role.ADMIN);

    private final Set<Role> roles;

    Permission(Role first, Role... rest) {
        this.roles = EnumSet.of(first, rest);
    }

    public Set<Role> roles() {
        return roles;
    }

    /**
     * Whether a token with {@code tokenRoles} and queue grant {@code queues} (null: every queue) may take this action
     * on {@code queueId}. An action on no one queue ({@code queueId} null: a group join, a group's loads) needs a
     * token not limited to some queues.
     */
    public boolean allows(Collection<Role> tokenRoles, List<String> queues, String queueId) {
        if (tokenRoles.contains(Role.ADMIN)) {
            return true;
        }
        if (tokenRoles.stream().noneMatch(roles::contains)) {
            return false;
        }
        return queues == null || queueId != null && queues.contains(queueId);
    }
}
