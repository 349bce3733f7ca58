package com.adfops.mcp;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The MCP endpoint's public address (the protected resource's identifier) and its metadata's: the configured one, or
 * the address the request came to (behind App Service's front end, the forwarded scheme and host Spring Boot applies).
 */
public final class PublicUrl {

    public static final String ENDPOINT = "/mcp";
    public static final String METADATA = "/.well-known/oauth-protected-resource";

    private final String configured;

    /** @param configured the endpoint's public URL ({@code https://host/mcp}), or blank to take it from requests */
    public PublicUrl(String configured) {
        this.configured = configured == null || configured.isBlank() ? null : configured.trim().replaceAll("/+$", "");
    }

    /** The protected resource: the MCP endpoint's URL. */
    public String resource(HttpServletRequest request) {
        return configured != null ? configured : origin(request) + ENDPOINT;
    }

    /** The metadata of that resource (RFC 9728: the well-known path followed by the resource's path). */
    public String metadata(HttpServletRequest request) {
        java.net.URI r = java.net.URI.create(resource(request));
        String path = r.getRawPath() == null ? "" : r.getRawPath();
        return r.getScheme() + "://" + r.getRawAuthority() + METADATA + path;
    }

    private static String origin(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean usual = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443) || port <= 0;
        String host = request.getServerName();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return scheme + "://" + host + (usual ? "" : ":" + port);
    }
}
