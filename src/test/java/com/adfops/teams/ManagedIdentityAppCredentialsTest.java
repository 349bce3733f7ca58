package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class ManagedIdentityAppCredentialsTest {

    @Test
    void fetchesTheBotFrameworkTokenFromTheManagedIdentity() {
        List<List<String>> scopes = new ArrayList<>();
        TokenCredential identity = ctx -> {
            scopes.add(ctx.getScopes());
            return Mono.just(new AccessToken("token-from-identity", OffsetDateTime.now().plusHours(1)));
        };
        ManagedIdentityAppCredentials creds = new ManagedIdentityAppCredentials(
                "11111111-2222-3333-4444-555555555555", "tenant-1", identity);

        assertThat(creds.getToken().join()).isEqualTo("token-from-identity");
        assertThat(scopes).containsExactly(List.of("https://api.botframework.com/.default"));
        assertThat(creds.getAppId()).isEqualTo("11111111-2222-3333-4444-555555555555");
        assertThat(creds.oAuthEndpoint()).contains("tenant-1");
    }
}
