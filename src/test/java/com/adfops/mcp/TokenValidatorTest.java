package com.adfops.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Entra tokens for the MCP server: what is let in, what is refused and why, and the keys read as Entra rotates them. */
class TokenValidatorTest {

    TestTokens tokens;
    TokenValidator validator;

    @BeforeEach
    void start() {
        tokens = new TestTokens();
        validator = new TokenValidator(new TokenValidator.Settings(Set.of(TestTokens.AUDIENCE, "client-guid"),
                Set.of(TestTokens.TENANT.toUpperCase()), TestTokens.ROLE, tokens.jwksUri()));
    }

    @AfterEach
    void stop() {
        tokens.close();
    }

    @Test
    void anIdTokenOfTheSameAppIsNotAnAccessToken() {
        // Same audience, issuer, tenant and roles, but no azp/appid (an ID token) or a nonce: refused.
        assertThat(validator.validate(tokens.token(b -> b.claim("azp", null).claim("appid", null))))
                .isInstanceOfSatisfying(TokenValidator.Outcome.Invalid.class,
                        i -> assertThat(i.why()).contains("not an access token"));
        assertThat(validator.validate(tokens.token(b -> b.claim("nonce", "n-1"))))
                .isInstanceOf(TokenValidator.Outcome.Invalid.class);
    }

    @Test
    void aTokenOfAnAllowedTenantForTheBotWithTheRoleIsACaller() {
        TokenValidator.Outcome o = validator.validate(tokens.valid());
        assertThat(o).isInstanceOf(TokenValidator.Outcome.Valid.class);
        Caller c = ((TokenValidator.Outcome.Valid) o).caller();
        assertThat(c.tenant()).isEqualTo(TestTokens.TENANT);
        assertThat(c.id()).isEqualTo("0000babe-0000-0000-0000-000000000001");
        assertThat(c.client()).isEqualTo("0000c0de-0000-0000-0000-00000000a99");
        // v2.0 tokens carry the client id as audience, v1 tokens the sts.windows.net issuer: both are Entra's.
        assertThat(validator.validate(tokens.token(b -> b.audience("client-guid")
                .issuer("https://sts.windows.net/" + TestTokens.TENANT + "/").claim("azp", null).claim("appid", "app-1")
                .claim("oid", null)))).isEqualTo(new TokenValidator.Outcome.Valid(new Caller(TestTokens.TENANT, "app-1", "app-1")));
        // The key set is read once and kept.
        validator.validate(tokens.valid());
        assertThat(tokens.fetches.get()).isEqualTo(1);
        assertThat(validator.authorizationServers())
                .containsExactly("https://login.microsoftonline.com/" + TestTokens.TENANT + "/v2.0");
    }

    @Test
    void everyOtherTokenIsRefusedWithItsReason() {
        assertThat(why(tokens.token(b -> b.audience("api://someone-else")))).isEqualTo("the token is for another audience");
        assertThat(why(tokens.token(b -> b.expirationTime(Date.from(Instant.now().minusSeconds(600))))))
                .isEqualTo("the token has expired");
        assertThat(why(tokens.token(b -> b.claim("tid", TestTokens.OTHER_TENANT)
                .issuer("https://login.microsoftonline.com/" + TestTokens.OTHER_TENANT + "/v2.0"))))
                .isEqualTo("the token's tenant is not allowed");
        // A token of another tenant never makes the validator read that tenant's (or any) keys.
        assertThat(tokens.fetches.get()).isEqualTo(1);
        // An allowed tenant's id with another issuer (a token of another authority naming our tenant).
        assertThat(why(tokens.token(b -> b.issuer("https://evil.example/" + TestTokens.TENANT + "/v2.0"))))
                .isEqualTo("the token's issuer is not its tenant's");
        assertThat(why(tokens.signedByStranger())).isEqualTo("the token's signature could not be verified");
        assertThat(why("not.a.token")).isEqualTo("the bearer token is not a signed JWT");
        assertThat(why(tokens.token(b -> b.expirationTime(null)))).isEqualTo("the token lacks a required claim (exp, iss, tid)");
        // The stranger's unknown key id made the validator look for a rotated key once more.
        assertThat(tokens.fetches.get()).isEqualTo(2);
    }

    @Test
    void aValidTokenWithoutTheRoleIsForbidden() {
        TokenValidator.Outcome o = validator.validate(tokens.token(b -> b.claim("roles", List.of("Something.Else"))));
        assertThat(o).isInstanceOf(TokenValidator.Outcome.Forbidden.class);
        assertThat(((TokenValidator.Outcome.Forbidden) o).why()).contains(TestTokens.ROLE);
        assertThat(validator.validate(tokens.token(b -> b.claim("roles", null))))
                .isInstanceOf(TokenValidator.Outcome.Forbidden.class);
    }

    @Test
    void aRotatedKeyIsFetchedWhenATokenNamesIt() {
        assertThat(validator.validate(tokens.valid())).isInstanceOf(TokenValidator.Outcome.Valid.class);
        tokens.rotate();
        assertThat(validator.validate(tokens.valid())).isInstanceOf(TokenValidator.Outcome.Valid.class);
        assertThat(tokens.fetches.get()).isEqualTo(2);
    }

    @Test
    void keysThatCannotBeReadAreNotAnInvalidToken() {
        String token = tokens.valid();
        tokens.close();
        assertThat(validator.validate(token)).isInstanceOf(TokenValidator.Outcome.KeysUnavailable.class);
    }

    private String why(String token) {
        TokenValidator.Outcome o = validator.validate(token);
        assertThat(o).isInstanceOf(TokenValidator.Outcome.Invalid.class);
        return ((TokenValidator.Outcome.Invalid) o).why();
    }
}
