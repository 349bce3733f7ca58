package com.adfops.export;

import com.adfops.answers.ExportLinks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks export links: {@code <public url>/api/export?token=<payload>.<signature>}, the payload a
 * base64url JSON of factory, pipelines, window, tenant and expiry, the signature HMAC-SHA256 of it with the signing
 * key (shared by every instance through {@code ADFOPS_EXPORT_SIGNINGKEY}).
 */
public final class ExportSigner implements ExportLinks {

    /** What a valid token asks for. */
    public record Request(String factory, String pipelines, Instant from, Instant to, String tenant, Instant expires) {
    }

    /** Why a token was refused (the HTTP answer is 403 for all). */
    public static final class Refused extends Exception {
        public Refused(String why) {
            super(why);
        }
    }

    private final byte[] key;
    private final java.util.function.Supplier<String> publicUrl;
    private final Duration ttl;
    private final Set<String> allowedTenants;
    private final Clock clock;
    private final ObjectMapper json;

    /**
     * @param allowedTenants the tenants the bot serves (empty: any); a token of another tenant is refused
     */
    public ExportSigner(byte[] key, String publicUrl, Duration ttl, Set<String> allowedTenants, Clock clock,
                        ObjectMapper json) {
        this(key, () -> publicUrl, ttl, allowedTenants, clock, json);
    }

    /** @param publicUrl the bot's address, read when a link is made (a local port is known only once listening) */
    public ExportSigner(byte[] key, java.util.function.Supplier<String> publicUrl, Duration ttl, Set<String> allowedTenants,
                        Clock clock, ObjectMapper json) {
        if (key.length < 16) {
            throw new IllegalArgumentException("ADFOPS_EXPORT_SIGNINGKEY must be at least 16 bytes");
        }
        this.key = key.clone();
        this.publicUrl = publicUrl;
        this.ttl = ttl;
        this.allowedTenants = allowedTenants;
        this.clock = clock;
        this.json = json;
    }

    @Override
    public Optional<String> link(String factory, String pipelines, Instant from, Instant to, String tenant) {
        ObjectNode p = json.createObjectNode();
        p.put("f", factory);
        p.put("p", pipelines);
        p.put("from", from.toString());
        p.put("to", to.toString());
        p.put("t", tenant == null ? "" : tenant.toLowerCase(java.util.Locale.ROOT));
        p.put("exp", clock.instant().plus(ttl).getEpochSecond());
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(p.toString().getBytes(StandardCharsets.UTF_8));
        String base = publicUrl.get();
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return Optional.of(base + "/api/export?token=" + payload + "." + sign(payload));
    }

    @Override
    public long minutes() {
        return ttl.toMinutes();
    }

    /** The request a token carries, or why it is refused (tampered, expired, another tenant, malformed). */
    public Request check(String token) throws Refused {
        if (token == null || token.length() > 4096 || token.indexOf('.') < 0) {
            throw new Refused("malformed");
        }
        String payload = token.substring(0, token.lastIndexOf('.'));
        String signature = token.substring(token.lastIndexOf('.') + 1);
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
            throw new Refused("bad signature");
        }
        JsonNode p;
        try {
            p = json.readTree(Base64.getUrlDecoder().decode(payload));
        } catch (Exception e) {
            throw new Refused("malformed");
        }
        Instant expires = Instant.ofEpochSecond(p.path("exp").asLong(0));
        if (!clock.instant().isBefore(expires)) {
            throw new Refused("expired");
        }
        String tenant = p.path("t").asText("");
        if (!allowedTenants.isEmpty() && !allowedTenants.contains(tenant)) {
            throw new Refused("tenant not allowed");
        }
        try {
            return new Request(p.path("f").isNull() ? null : p.path("f").asText(null),
                    p.path("p").isNull() ? null : p.path("p").asText(null),
                    Instant.parse(p.path("from").asText()), Instant.parse(p.path("to").asText()), tenant, expires);
        } catch (RuntimeException e) {
            throw new Refused("malformed");
        }
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
