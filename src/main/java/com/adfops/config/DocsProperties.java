package com.adfops.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Documentation guidance from Microsoft Learn.
 *
 * @param mcpUrl     the Learn MCP server ({@code ADFOPS_DOCS_MCPURL}); empty = the built-in index only
 * @param timeout    the most one lookup may take before the built-in index answers ({@code ADFOPS_DOCS_TIMEOUT})
 * @param cacheTtl   how long guidance for an error is reused
 * @param cacheSize  how many errors' guidance is kept
 * @param retryAfter how long the MCP server is left alone after it failed
 */
@ConfigurationProperties(prefix = "adfops.docs")
public record DocsProperties(
        @DefaultValue("https://learn.microsoft.com/api/mcp") String mcpUrl,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("6h") Duration cacheTtl,
        @DefaultValue("500") int cacheSize,
        @DefaultValue("60s") Duration retryAfter) {
}
