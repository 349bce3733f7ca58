package com.adfops.mcp;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A test authorization server's signing side: RSA keys whose public JWK set a tiny loopback HTTP server serves (as
 * Entra serves its tenants' keys), and tokens signed with them, shaped like Entra's v2.0 access tokens.
 */
public final class TestTokens implements AutoCloseable {

    public static final String TENANT = "11111111-2222-3333-4444-555555555555";
    public static final String OTHER_TENANT = "99999999-2222-3333-4444-555555555555";
    public static final String AUDIENCE = "api://adfops-bot-test";
    public static final String ROLE = "AdfOps.Read";

    private final List<RSAKey> keys = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    /** How many times the key set was read. */
    public final AtomicInteger fetches = new AtomicInteger();

    public TestTokens() {
        keys.add(newKey());
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/keys", ex -> {
            fetches.incrementAndGet();
            byte[] body = new JWKSet(keys.stream().map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK()).toList())
                    .toString().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** The JWK set's address (the {@code jwksUri} override). */
    public String jwksUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/keys";
    }

    /** A new signing key, published from now on beside the old ones (Entra's rotation); tokens are signed with it. */
    public void rotate() {
        keys.add(0, newKey());
    }

    /** A valid token of an app caller with the role, for the test audience and tenant. */
    public String valid() {
        return token(c -> { });
    }

    /** A token with the usual claims changed by {@code change}. */
    public String token(Consumer<JWTClaimsSet.Builder> change) {
        return sign(keys.get(0), change);
    }

    /** A token signed by a key nobody published. */
    public String signedByStranger() {
        return sign(newKey(), c -> { });
    }

    private static String sign(RSAKey key, Consumer<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer("https://login.microsoftonline.com/" + TENANT + "/v2.0")
                .audience(AUDIENCE)
                .subject("caller-app")
                .issueTime(Date.from(now.minusSeconds(60)))
                .notBeforeTime(Date.from(now.minusSeconds(60)))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("tid", TENANT)
                .claim("azp", "0000c0de-0000-0000-0000-00000000a99")
                .claim("oid", "0000babe-0000-0000-0000-000000000001")
                .claim("roles", List.of(ROLE));
        change.accept(claims);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
