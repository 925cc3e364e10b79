package io.ledgerline.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./ledgerline token ROLE [--queues q1,q2] [--ttl PT8H] [--subject name]}: prints what it issued, then the
 * token alone on the last line, so that {@code $(./ledgerline token admin | tail -n1)} is the token.
 */
public final class IssueToken {

    private IssueToken() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage("a role is required");
        }
        Role role;
        try {
            role = Role.fromClaim(args[0]);
            if (role == Role.TICKET) {
                usage("tickets are issued by the command service to the person who joins, for their entry alone");
            }
        } catch (IllegalArgumentException e) {
            usage("unknown role '" + args[0] + "'");
            return;
        }
        List<String> queues = null;
        Duration ttl = Duration.ofHours(8);
        String subject = "local-" + role.claim();
        for (int i = 1; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--queues" -> queues = value == null ? usage("--queues needs q1,q2,...")
                        : Arrays.stream(value.split(",")).map(String::strip).filter(q -> !q.isEmpty()).toList();
                case "--ttl" -> ttl = ttl(value);
                case "--subject" -> subject = value == null ? usage("--subject needs a name") : value;
                default -> usage("unknown option " + args[i]);
            }
            i++;
        }
        String token = TokenIssuer.local().issue(subject, role, queues, ttl, Instant.now());
        System.out.printf("# %s token for %s, %s, valid %s; use it as: Authorization: Bearer <token>%n", role.claim(),
                subject, queues == null ? "every queue" : "queues " + String.join(",", queues), ttl);
        System.out.println(token);
    }

    private static Duration ttl(String value) {
        try {
            Duration ttl = value == null ? null : Duration.parse(value);
            return ttl != null && ttl.isPositive() ? ttl : usage("--ttl needs a positive ISO-8601 duration, e.g. PT8H");
        } catch (java.time.format.DateTimeParseException e) {
            return usage("--ttl needs a positive ISO-8601 duration, e.g. PT8H; '" + value + "' is not one");
        }
    }

    private static <T> T usage(String problem) {
        System.err.println("token: " + problem);
        System.err.println("usage: ./ledgerline token admin|operator|worker|integrator|viewer"
                + " [--queues q1,q2] [--ttl PT8H] [--subject name]");
        System.exit(2);
        return null;
    }
}
