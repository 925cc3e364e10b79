package io.ledgerline.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
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
    /** The claim naming the one entry a ticket or an admission is for. */
    public static final String ENTRY_CLAIM = "entry";
    /** The audience of admissions, which a shop behind a waiting room checks. */
    public static final String ADMISSION_AUDIENCE = "ledgerline-admission";
    /** The group an admission names: no role of ours. */
    public static final String ADMISSION_GROUP = "admission";

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey key;
    private final String keyId;
    private final java.math.BigInteger modulus;
    private final java.math.BigInteger exponent;

    public TokenIssuer(PrivateKey key) {
        this.key = key;
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalArgumentException("an RSA private key with its public parts (PKCS#8 from openssl) is needed");
        }
        this.modulus = crt.getModulus();
        this.exponent = crt.getPublicExponent();
        this.keyId = PublishedKeys.thumbprint(modulus, exponent);
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
        if (role == Role.TICKET) {
            throw new IllegalArgumentException("a ticket token names its entry: issue it with ticket(...)");
        }
        return sign(new Claims(subject, role.claim(), now, now.plus(ttl)).queues(queues));
    }

    /**
     * The ticket of one entry: its holder reads that entry and may leave the queue with it, nothing else. The subject
     * ({@code ticket:queue/entry}) is the name the audit trail records for what the holder does.
     */
    public String ticket(String queueId, String entryId, Instant expiresAt, Instant now) {
        return sign(new Claims("ticket:" + queueId + "/" + entryId, Role.TICKET.claim(), now, expiresAt)
                .queues(List.of(queueId)).entry(entryId));
    }

    /**
     * An admission through a waiting room: the shop behind the room verifies it offline against the published keys
     * (audience {@value #ADMISSION_AUDIENCE}, the queue and entry in its claims, expiring with the admission). It
     * carries no role, so no Ledgerline API takes it as a credential.
     */
    public String admission(String queueId, String entryId, Instant admittedAt, Instant expiresAt) {
        return sign(new Claims("admission:" + queueId + "/" + entryId, ADMISSION_GROUP, admittedAt, expiresAt)
                .queues(List.of(queueId)).entry(entryId).audience(ADMISSION_AUDIENCE));
    }

    /** The key set (RFC 7517) holding this issuer's public key, which verifies what it signs. */
    public String publishedKeys() {
        return PublishedKeys.jwks(modulus, exponent);
    }

    /** This issuer's key id: the RFC 7638 thumbprint of its public key, as the JWKS names it. */
    public String keyId() {
        return keyId;
    }

    private String sign(Claims claims) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":" + quoted(keyId) + "}";
        String signingInput = part(header) + "." + part(claims.text());
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK signs SHA256withRSA", e);
        }
    }

    /** The claims of one token, written in a fixed order. */
    private static final class Claims {
        private final StringBuilder out;
        private final Instant issuedAt;
        private final Instant expiresAt;

        Claims(String subject, String group, Instant issuedAt, Instant expiresAt) {
            this.out = new StringBuilder("{\"iss\":").append(quoted(ISSUER))
                    .append(",\"sub\":").append(quoted(subject))
                    .append(",\"upn\":").append(quoted(subject))
                    .append(",\"groups\":[").append(quoted(group)).append(']');
            this.issuedAt = issuedAt;
            this.expiresAt = expiresAt;
        }

        Claims queues(List<String> queues) {
            if (queues != null) {
                out.append(",\"").append(QUEUES_CLAIM).append("\":[");
                for (int i = 0; i < queues.size(); i++) {
                    out.append(i == 0 ? "" : ",").append(quoted(queues.get(i)));
                }
                out.append(']');
            }
            return this;
        }

        Claims entry(String entryId) {
            out.append(",\"").append(ENTRY_CLAIM).append("\":").append(quoted(entryId));
            return this;
        }

        Claims audience(String audience) {
            out.append(",\"aud\":").append(quoted(audience));
            return this;
        }

        String text() {
            return out.append(",\"iat\":").append(issuedAt.getEpochSecond())
                    .append(",\"exp\":").append(expiresAt.getEpochSecond())
                    .append(",\"jti\":").append(quoted(UUID.randomUUID().toString()))
                    .append('}').toString();
        }
    }

    private static String part(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON string: the few characters that need it escaped, the rest as they are. */
    private static String quoted(String text) {
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
