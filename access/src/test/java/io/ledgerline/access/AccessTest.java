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

}
