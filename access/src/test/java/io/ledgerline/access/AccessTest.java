package io.ledgerline.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessTest {

    @Test
    void a_token_is_an_rs256_jws_whose_claims_name_its_role_queues_and_lifetime() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Instant now = Instant.parse("2026-11-24T09:00:00Z");
        String token = new TokenIssuer(keys.getPrivate()).issue("desk \"4\"", Role.WORKER, List.of("er", "annex"),
                Duration.ofHours(8), now);

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(keys.getPublic());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"iss\":\"ledgerline\"", "\"sub\":\"desk \\\"4\\\"\"", "\"groups\":[\"worker\"]",
                "\"queues\":[\"er\",\"annex\"]", "\"exp\":" + now.plusSeconds(8 * 3600).getEpochSecond());
        assertThat(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)).contains("RS256");
    }

    @Test
    void each_role_may_do_what_the_matrix_says_and_only_on_its_queues() {
        List<String> er = List.of("er");
        assertThat(Permission.ADMINISTER.allows(List.of(Role.ADMIN), er, "other")).isTrue();
        assertThat(Permission.ADMINISTER.allows(List.of(Role.OPERATOR), null, "er")).isFalse();
        assertThat(Permission.OPERATE.allows(List.of(Role.OPERATOR), er, "er")).isTrue();
        assertThat(Permission.OPERATE.allows(List.of(Role.OPERATOR), er, "other")).isFalse();
        assertThat(Permission.OPERATE.allows(List.of(Role.WORKER), null, "er")).isFalse();
        assertThat(Permission.SERVE.allows(List.of(Role.WORKER), er, "er")).isTrue();
        assertThat(Permission.SERVE.allows(List.of(Role.INTEGRATOR), null, "er")).isFalse();
        assertThat(Permission.JOIN.allows(List.of(Role.INTEGRATOR), null, "er")).isTrue();
        assertThat(Permission.JOIN.allows(List.of(Role.VIEWER), null, "er")).isFalse();
        assertThat(Permission.READ.allows(List.of(Role.VIEWER), null, "er")).isTrue();
        assertThat(Permission.READ.allows(List.of(), null, "er")).isFalse();
        // An action on no one queue (a group) needs a token not limited to some queues.
        assertThat(Permission.JOIN.allows(List.of(Role.INTEGRATOR), null, null)).isTrue();
        assertThat(Permission.JOIN.allows(List.of(Role.OPERATOR), er, null)).isFalse();
    }

    @Test
    void a_grant_reads_the_queues_claim_as_strings_or_json_strings_and_its_absence_as_every_queue() {
        assertThat(TokenGrant.fromClaims(List.of("worker"), List.of("\"er\"", "annex")).queues())
                .containsExactly("er", "annex");
        assertThat(TokenGrant.fromClaims(List.of("worker", "unknown"), null)).satisfies(grant -> {
            assertThat(grant.queues()).isNull();
            assertThat(grant.roles()).containsExactly(Role.WORKER);
        });
        assertThat(TokenGrant.fromClaims(List.of("viewer"), List.of("er")).refusal(Permission.SERVE, "er"))
                .isEqualTo("a token with roles [viewer] for queues [er] may not serve queue er");
    }

    @Test
    void a_ticket_reads_and_leaves_with_its_own_entry_and_nothing_else() {
        TokenGrant ticket = TokenGrant.fromClaims(List.of("ticket"), List.of("sale"), "\"e7\"");
        assertThat(ticket.allows(Permission.READ, "sale", "e7")).isTrue();
        assertThat(ticket.allows(Permission.JOIN, "sale", "e7")).isTrue(); // leaving is a JOIN action
        assertThat(ticket.allows(Permission.READ, "sale", "e8")).isFalse();
        assertThat(ticket.allows(Permission.READ, "other", "e7")).isFalse();
        assertThat(ticket.allows(Permission.READ, "sale")).isFalse(); // the line, the counts: not for a ticket
        assertThat(ticket.allows(Permission.JOIN, "sale")).isFalse(); // no new entries with it
        assertThat(ticket.allows(Permission.SERVE, "sale", "e7")).isFalse();
        assertThat(ticket.refusal(Permission.READ, "sale")).isEqualTo("a ticket acts on its own entry e7 of queue sale only");
        // A ticket that does not name its entry, or its queue, grants nothing.
        assertThat(TokenGrant.fromClaims(List.of("ticket"), List.of("sale"), null).allows(Permission.READ, "sale", "e7"))
                .isFalse();
        assertThat(TokenGrant.fromClaims(List.of("ticket"), null, "e7").allows(Permission.READ, "sale", "e7"))
                .isFalse();
        // Other tokens act on any entry of the queues they may act on.
        assertThat(TokenGrant.fromClaims(List.of("viewer"), null, null).allows(Permission.READ, "sale", "e7")).isTrue();
    }

    @Test
    void the_published_key_set_names_the_key_every_token_names_and_verifies_an_admission() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        TokenIssuer issuer = new TokenIssuer(keys.getPrivate());
        Instant now = Instant.parse("2026-11-24T09:00:00Z");
        String admission = issuer.admission("sale", "e7", now, now.plusSeconds(600));

        String jwks = issuer.publishedKeys();
        String header = new String(Base64.getUrlDecoder().decode(admission.split("\\.")[0]), StandardCharsets.UTF_8);
        assertThat(header).contains("\"kid\":\"" + issuer.keyId() + "\"");
        assertThat(jwks).contains("\"kid\":\"" + issuer.keyId() + "\"", "\"kty\":\"RSA\"", "\"e\":\"AQAB\"");
        // The key rebuilt from the published n and e, as a shop's library would, verifies the admission.
        java.util.regex.Matcher n = java.util.regex.Pattern.compile("\"n\":\"([^\"]+)\"").matcher(jwks);
        assertThat(n.find()).isTrue();
        var published = java.security.KeyFactory.getInstance("RSA").generatePublic(new java.security.spec.RSAPublicKeySpec(
                new java.math.BigInteger(1, Base64.getUrlDecoder().decode(n.group(1))), java.math.BigInteger.valueOf(65537)));
        String[] parts = admission.split("\\.");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(published);
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"aud\":\"ledgerline-admission\"", "\"entry\":\"e7\"", "\"queues\":[\"sale\"]",
                "\"exp\":" + now.plusSeconds(600).getEpochSecond());
        // It names no role of ours: no API takes it as a credential.
        assertThat(TokenGrant.fromClaims(List.of("admission"), List.of("sale"), "e7").roles()).isEmpty();
    }

    @Test
    void a_rate_limit_counts_in_two_windows_and_says_how_long_to_wait() {
        RateLimit limit = RateLimit.parse("10/pt10s");
        assertThat(limit).isEqualTo(new RateLimit(10, Duration.ofSeconds(10)));
        assertThat(RateLimit.parse(" off ").isOff()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RateLimit.parse("ten a minute"))
                .hasMessageContaining("COUNT/ISO-8601-DURATION");

        RateLimit.Call call = limit.call("ll:rate:joins:q:subject:s", 1_000_004_000L); // 4 s into window 100000
        assertThat(call.keys()).containsExactly("ll:rate:joins:q:subject:s:100000", "ll:rate:joins:q:subject:s:99999");
        assertThat(call.args()).containsExactly("10", "4000", "10000");
        // The current window alone is full (10): wait out its 6 s, then until its weight leaves room for one (1 s).
        assertThat(limit.retryAfterSeconds(call, 0, 10)).isEqualTo(7);
        // 4 here and 10 before, 60% of which still counts (6): 4 + 6 + 1 > 10; room once the old weight is 5, at 5 s.
        assertThat(limit.retryAfterSeconds(call, 10, 4)).isEqualTo(1);
    }
}
