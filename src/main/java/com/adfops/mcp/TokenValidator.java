package com.adfops.mcp;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Entra ID bearer tokens for the MCP server: an RS256 signature by a key of the issuing tenant's JWK set (fetched once,
 * cached, fetched again for a key id it does not know: Entra rotates its keys), the tenant one of the allowed ones and
 * the issuer that tenant's (v2.0 or v1 form), the audience the bot's application ID URI or client id, not expired (a
 * minute's skew), and the required app role in {@code roles}. Only an allowed tenant's keys are ever fetched.
 */
public final class TokenValidator {

    /** Entra's public cloud: issuers and signing keys per tenant. */
    public static final String ENTRA = "https://login.microsoftonline.com/";

    /**
     * @param audiences accepted {@code aud} values (the application ID URI, the client id)
     * @param tenants   allowed tenant ids (lower case)
     * @param role      the app role a caller must hold
     * @param jwksUri   the signing keys' address for every tenant (tests), or blank for Entra's per tenant
     */
    public record Settings(Set<String> audiences, Set<String> tenants, String role, String jwksUri) {

        public Settings {
            audiences = Set.copyOf(audiences);
            tenants = tenants.stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
        }
    }

    /** What a token amounts to. */
    public sealed interface Outcome {
        /** A caller with the role. */
        record Valid(Caller caller) implements Outcome {
        }

        /** Not a token of ours (401): {@code why} is safe to tell the caller. */
        record Invalid(String why) implements Outcome {
        }

        /** A valid token without the role (403). */
        record Forbidden(Caller caller, String why) implements Outcome {
        }

        /** The tenant's signing keys could not be read (503): try again. */
        record KeysUnavailable(String why) implements Outcome {
        }
    }

    private final Settings settings;
    private final Function<String, JWKSource<SecurityContext>> keysOf;
    private final Map<String, DefaultJWTProcessor<SecurityContext>> processors = new ConcurrentHashMap<>();

    public TokenValidator(Settings settings) {
        this(settings, tenant -> JWKSourceBuilder.create(url(settings.jwksUri() == null || settings.jwksUri().isBlank()
                ? ENTRA + tenant + "/discovery/v2.0/keys" : settings.jwksUri().trim())).build());
    }

    /** With the signing keys of each tenant from {@code keysOf} (tests). */
    TokenValidator(Settings settings, Function<String, JWKSource<SecurityContext>> keysOf) {
        if (settings.audiences().isEmpty() || settings.tenants().isEmpty()) {
            throw new IllegalArgumentException("an audience and at least one tenant are needed to check tokens");
        }
        this.settings = settings;
        this.keysOf = keysOf;
    }

    /** The issuers the allowed tenants sign as, in the v2.0 form (the protected resource metadata names them). */
    public List<String> authorizationServers() {
        return settings.tenants().stream().sorted().map(t -> ENTRA + t + "/v2.0").toList();
    }

    public Outcome validate(String token) {
        String tenant;
        try {
            // Read before the signature only to pick the tenant's keys; nothing else is trusted until verified.
            Object tid = SignedJWT.parse(token).getJWTClaimsSet().getClaim("tid");
            tenant = tid instanceof String s ? s.toLowerCase(Locale.ROOT) : null;
        } catch (ParseException | RuntimeException e) {
            return new Outcome.Invalid("the bearer token is not a signed JWT");
        }
        if (tenant == null || !settings.tenants().contains(tenant)) {
            return new Outcome.Invalid("the token's tenant is not allowed");
        }
        JWTClaimsSet claims;
        try {
            claims = processors.computeIfAbsent(tenant, this::processor).process(token, null);
        } catch (KeySourceException e) {
            return new Outcome.KeysUnavailable("the tenant's signing keys could not be read");
        } catch (BadJOSEException e) {
            return new Outcome.Invalid(reason(e));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return new Outcome.Invalid("the token could not be verified");
        }
        String iss = String.valueOf(claims.getIssuer());
        if (!iss.equals(ENTRA + tenant + "/v2.0") && !iss.equals("https://sts.windows.net/" + tenant + "/")) {
            return new Outcome.Invalid("the token's issuer is not its tenant's");
        }
        // An ID token for the same app has the same audience, issuer and tenant (and may carry roles): an access token
        // names the client it was issued to (azp in v2.0, appid in v1.0) and carries no nonce.
        if (first(claims, "azp", "appid").isEmpty() || claims.getClaim("nonce") != null) {
            return new Outcome.Invalid("the token is not an access token (an ID token cannot call the MCP server)");
        }
        Caller caller = caller(tenant, claims);
        Object roles = claims.getClaim("roles");
        if (!(roles instanceof List<?> list) || !list.contains(settings.role())) {
            return new Outcome.Forbidden(caller, "the caller lacks the app role " + settings.role());
        }
        return new Outcome.Valid(caller);
    }

    private DefaultJWTProcessor<SecurityContext> processor(String tenant) {
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keysOf.apply(tenant)));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(new HashSet<>(settings.audiences()),
                null, Set.of("exp", "iss", "tid"), null);
        claims.setMaxClockSkew(60);
        p.setJWTClaimsSetVerifier(claims);
        return p;
    }

    /** Nimbus's reasons, in words that say what to fix and nothing of the keys. */
    private static String reason(BadJOSEException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("expired")) {
            return "the token has expired";
        }
        if (m.contains("aud claim") || m.contains("audience")) {
            return "the token is for another audience";
        }
        if (m.contains("missing") && m.contains("claim")) {
            return "the token lacks a required claim (exp, iss, tid)";
        }
        if (m.contains("before use time")) {
            return "the token is not valid yet";
        }
        return "the token's signature could not be verified";
    }

    private static Caller caller(String tenant, JWTClaimsSet c) {
        String client = first(c, "azp", "appid");
        String id = first(c, "oid", "azp", "appid", "sub");
        return new Caller(tenant, id.isEmpty() ? "unknown" : id, client);
    }

    private static String first(JWTClaimsSet c, String... names) {
        for (String n : names) {
            if (c.getClaim(n) instanceof String s && !s.isBlank()) {
                return s.length() > 80 ? s.substring(0, 80) : s;
            }
        }
        return "";
    }

    private static java.net.URL url(String s) {
        try {
            return URI.create(s).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the MCP token keys' address is not a URL: " + s, e);
        }
    }
}
