package io.ledgerline.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/** What a shop behind a waiting room does with an admission: verify it offline with the keys the stack publishes. */
final class Admissions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Decoder URL = Base64.getUrlDecoder();

    private Admissions() {}

    /** Whether the published key that the token's header names verifies its RS256 signature. */
    static boolean verified(Stack stack, String token) throws Exception {
        JsonNode keys = stack.commandsAs(null, "GET", "/.well-known/jwks.json", null).body().get("keys");
        String kid = JSON.readTree(URL.decode(token.split("\\.")[0])).get("kid").asText();
        for (JsonNode key : keys) {
            if (key.get("kid").asText().equals(kid)) {
                var publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                        new BigInteger(1, URL.decode(key.get("n").asText())),
                        new BigInteger(1, URL.decode(key.get("e").asText()))));
                String[] parts = token.split("\\.");
                Signature rsa = Signature.getInstance("SHA256withRSA");
                rsa.initVerify(publicKey);
                rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
                return rsa.verify(URL.decode(parts[2]));
            }
        }
        return false;
    }

    static JsonNode claims(String token) throws Exception {
        return JSON.readTree(URL.decode(token.split("\\.")[1]));
    }
}
