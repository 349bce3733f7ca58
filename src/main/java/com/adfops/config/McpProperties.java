package com.adfops.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The MCP server other agents call ({@code /mcp} on the bot's port, Streamable HTTP; README "Other agents over MCP").
 *
 * @param enabled  serve it ({@code ADFOPS_MCP_ENABLED}); empty: on with the embedded simulated factory (open to the
 *                 local caller while the bot listens on loopback) or once an audience is set (tokens), else off
 * @param audience the bot's application ID URI that callers' tokens are for, e.g. {@code api://adfops-bot}
 *                 ({@code ADFOPS_MCP_AUDIENCE}); set, every call needs an Entra bearer token
 * @param clientId the same application's client id, the audience of v2.0 tokens ({@code ADFOPS_MCP_CLIENTID}; optional)
 * @param tenants  the Entra tenant ids whose tokens are accepted, comma-separated ({@code ADFOPS_MCP_TENANTS}); needed
 *                 with an audience
 * @param role     the app role callers must hold, in the token's {@code roles} ({@code ADFOPS_MCP_ROLE})
 * @param jwksUri  where the tokens' signing keys are read ({@code ADFOPS_MCP_JWKSURI}); empty: Entra's, per tenant
 *                 (tests point it elsewhere)
 * @param resource the endpoint's public URL, the protected resource's identifier, e.g. {@code https://bot.example/mcp}
 *                 ({@code ADFOPS_MCP_RESOURCE}); empty: the address each request came to
 * @param rate     calls a second each caller may make on average ({@code ADFOPS_MCP_RATE})
 * @param burst    calls a caller may make at once ({@code ADFOPS_MCP_BURST}); beyond: HTTP 429 with Retry-After
 */
@ConfigurationProperties(prefix = "adfops.mcp")
public record McpProperties(Boolean enabled, String audience, String clientId, List<String> tenants,
                            @DefaultValue("AdfOps.Read") String role, String jwksUri, String resource,
                            @DefaultValue("5") double rate, @DefaultValue("20") int burst) {

    public McpProperties {
        tenants = tenants == null ? List.of() : tenants.stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    /** Whether callers must bring tokens: an audience is set. */
    public boolean tokensConfigured() {
        return audience != null && !audience.isBlank();
    }
}
