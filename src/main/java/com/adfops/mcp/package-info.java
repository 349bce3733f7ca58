/**
 * The MCP face: the bot's knowledge of Azure Data Factory for other agents (VS Code Copilot, Copilot Studio, Foundry
 * agents, Azure SRE Agent) over the Model Context Protocol, Streamable HTTP at {@code /mcp} on the bot's own port.
 * Owns the read-only tools ({@link com.adfops.mcp.McpTools}: each one a call of {@code tools.ToolRunner}, as the model's, so every
 * face states the same facts within the same output budget), the server ({@link com.adfops.mcp.McpEndpoint}), the
 * OAuth 2.0 protected resource ({@link com.adfops.mcp.ProtectedResourceMetadata} at the RFC 9728 address,
 * {@link com.adfops.mcp.TokenValidator}: Entra bearer tokens, signature against the issuer's JWK set, tenant, audience,
 * expiry, app role) and the edge in front of it ({@link com.adfops.mcp.McpAuthFilter}: 401/403 before any data, a token
 * bucket per caller, {@link com.adfops.mcp.RateLimiter}).
 *
 * <p>May import: the tools ({@code tools.ToolRunner}, the one mapping of tool calls to the core, the model's too), the core
 * ({@code runs}, {@code adf}, {@code docs}), the MCP Java SDK, Nimbus JOSE + JWT, Jackson, the servlet API; no other
 * face, nothing that acts. Nothing imports it but {@code config}, which wires it.
 */
package com.adfops.mcp;
