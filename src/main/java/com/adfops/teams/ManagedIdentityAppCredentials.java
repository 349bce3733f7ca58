package com.adfops.teams;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.ITenantProfile;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.Authenticator;
import java.util.Date;

/**
 * Bot Connector credentials from a managed identity (an Azure Bot of type UserAssignedMSI). botbuilder-java 4.14
 * only knows client secrets and certificates, so this fetches the token for the Bot Framework scope from
 * azure-identity's {@link TokenCredential} instead.
 */
final class ManagedIdentityAppCredentials extends AppCredentials {

    private final TokenCredential credential;

    ManagedIdentityAppCredentials(String appId, String tenantId, TokenCredential credential) {
        super(tenantId == null || tenantId.isBlank() ? null : tenantId);
        setAppId(appId);
        this.credential = credential;
    }

    /** The scope requested: the Bot Framework's OAuth scope with "/.default". */
    String scope() {
        String s = oAuthScope();
        return s.endsWith("/.default") ? s : s + "/.default";
    }

    @Override
    protected Authenticator buildAuthenticator() {
        return () -> credential.getToken(new TokenRequestContext().addScopes(scope()))
                .map(ManagedIdentityAppCredentials::result)
                .toFuture();
    }

    private static IAuthenticationResult result(AccessToken token) {
        return new IAuthenticationResult() {
            @Override
            public String accessToken() {
                return token.getToken();
            }

            @Override
            public String idToken() {
                return null;
            }

            @Override
            public IAccount account() {
                return null;
            }

            @Override
            public ITenantProfile tenantProfile() {
                return null;
            }

            @Override
            public String environment() {
                return null;
            }

            @Override
            public String scopes() {
                return null;
            }

            @Override
            public Date expiresOnDate() {
                return Date.from(token.getExpiresAt().toInstant());
            }
        };
    }
}
