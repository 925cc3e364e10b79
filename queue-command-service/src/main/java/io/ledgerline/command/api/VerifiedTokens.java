package io.ledgerline.command.api;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies a bearer token once and remembers it until it expires: an RSA signature check costs some 60 µs of CPU,
 * paid on every call by a client that sends the same token thousands of times (a worker, an integrator, the load
 * balancer's health of a kiosk). The cache is keyed by the exact token text, holds only tokens that verified, and
 * forgets one at its expiry; a token that fails is checked again every time. At most {@link #MAX_TOKENS} are kept.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    static final int MAX_TOKENS = 10_000;

    private final DefaultJWTParser verifier;
    private final ConcurrentHashMap<String, JsonWebToken> verified = new ConcurrentHashMap<>();

    public VerifiedTokens(DefaultJWTParser verifier) {
        this.verifier = verifier;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.get(token);
        long now = System.currentTimeMillis() / 1000;
        if (known != null && known.getExpirationTime() > now) {
            return known;
        }
        if (known != null) {
            verified.remove(token, known);
        }
        JsonWebToken fresh = verifier.parse(token);
        if (verified.size() >= MAX_TOKENS) {
            verified.clear(); // rarely full: simpler than an LRU, and the next calls verify again
        }
        verified.put(token, fresh);
        return fresh;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
