package io.ledgerline.access;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * The public half of the token keys as others fetch it: a JSON Web Key Set (RFC 7517), so that a shop behind a waiting
 * room verifies admissions offline, and any tool verifies our tokens, without a shared secret. The key id is the
 * RFC 7638 thumbprint, which {@link TokenIssuer} puts in every token's header.
 */
public final class PublishedKeys {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private PublishedKeys() {
    }

    /** {@code {"keys":[{...}]}} holding the one key, for signatures with RS256. */
    static String jwks(BigInteger modulus, BigInteger exponent) {
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\""
                + thumbprint(modulus, exponent) + "\",\"n\":\"" + URL.encodeToString(unsigned(modulus))
                + "\",\"e\":\"" + URL.encodeToString(unsigned(exponent)) + "\"}]}";
    }

    /** RFC 7638: SHA-256 of the key's required members in lexicographic order, base64url. */
    static String thumbprint(BigInteger modulus, BigInteger exponent) {
        String canonical = "{\"e\":\"" + URL.encodeToString(unsigned(exponent)) + "\",\"kty\":\"RSA\",\"n\":\""
                + URL.encodeToString(unsigned(modulus)) + "\"}";
        try {
            return URL.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The big-endian magnitude without the sign byte Java adds, as JWK wants it. */
    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
