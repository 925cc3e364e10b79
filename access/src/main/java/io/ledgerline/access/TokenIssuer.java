package io.ledgerline.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Signs Ledgerline's tokens: compact JWS, RS256, with the claims the services verify (issuer {@value #ISSUER}, subject,
 * {@code groups} holding the role, {@code queues} when the token is limited to some queues, issued-at, expiry, id).
 * The private key is a PKCS#8 PEM file that {@code ./ledgerline up} generates and never commits; the services hold
 * only the public key.
 */
public final class TokenIssuer {

    public static final String ISSUER = "ledgerline";
    /** The claim listing the queues a token is limited to; absent for every queue. */
    public static final String QUEUES_CLAIM = "queues";

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey key;

    public TokenIssuer(PrivateKey key) {
        this.key = key;
    }

    public static TokenIssuer fromPem(Path privateKeyPem) throws IOException, GeneralSecurityException {
        String pem = Files.readString(privateKeyPem, StandardCharsets.US_ASCII);
        if (!pem.contains("BEGIN PRIVATE KEY")) {
            throw new GeneralSecurityException(privateKeyPem + " is not a PKCS#8 private key (BEGIN PRIVATE KEY)");
        }
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(body);
        return new TokenIssuer(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)));
    }

    /**
     * The issuer of this checkout's stack: the key in {@code LEDGERLINE_JWT_PRIVATE_KEY}, else the first
     * {@code .ledgerline/keys/jwt-private.pem} found from the working directory upwards (where {@code ./ledgerline}
     * generates it).
     */
    public static TokenIssuer local() throws IOException, GeneralSecurityException {
        String configured = System.getenv("LEDGERLINE_JWT_PRIVATE_KEY");
        if (configured != null && !configured.isBlank()) {
            return fromPem(Path.of(configured));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(".ledgerline/keys/jwt-private.pem");
            if (Files.isReadable(candidate)) {
                return fromPem(candidate);
            }
        }
        throw new IOException("no token key: set LEDGERLINE_JWT_PRIVATE_KEY or run ./ledgerline up (it generates one)");
    }

    /** A token for {@code subject} valid for an hour from now, as tests and tools want one. */
    public String issue(String subject, Role role, List<String> queues) {
        return issue(subject, role, queues, Duration.ofHours(1), Instant.now());
    }

    /** A token for {@code subject} in {@code role}, limited to {@code queues} (null: every queue), valid for {@code ttl}. */
    public String issue(String subject, Role role, List<String> queues, Duration ttl, Instant now) {
        StringBuilder claims = new StringBuilder("{")
                .append("\"iss\":").append(json(ISSUER))
                .append(",\"sub\":").append(json(subject))
                .append(",\"upn\":").append(json(subject))
                .append(",\"groups\":[").append(json(role.claim())).append(']');
        if (queues != null) {
            claims.append(",\"").append(QUEUES_CLAIM).append("\":[");
            for (int i = 0; i < queues.size(); i++) {
                claims.append(i == 0 ? "" : ",").append(json(queues.get(i)));
            }
            claims.append(']');
        }
        claims.append(",\"iat\":").append(now.getEpochSecond())
                .append(",\"exp\":").append(now.plus(ttl).getEpochSecond())
                .append(",\"jti\":").append(json(UUID.randomUUID().toString()))
                .append('}');
        String signingInput = part("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + part(claims.toString());
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK signs SHA256withRSA", e);
        }
    }

    private static String part(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON string: the few characters that need it escaped, the rest as they are. */
    private static String json(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
