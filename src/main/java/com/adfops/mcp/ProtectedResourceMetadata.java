package com.adfops.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * OAuth 2.0 Protected Resource Metadata (RFC 9728) of the MCP endpoint, at {@code /.well-known/oauth-protected-resource}
 * and {@code /.well-known/oauth-protected-resource/mcp}: the resource, Entra ID (each allowed tenant's issuer) as its
 * authorization server, the scope to ask for and how to send the token. Public, as the specification wants: it holds no
 * secret.
 */
public final class ProtectedResourceMetadata extends HttpServlet {

    private final PublicUrl urls;
    private final List<String> authorizationServers;
    private final List<String> scopes;
    private final transient ObjectMapper json;

    public ProtectedResourceMetadata(PublicUrl urls, List<String> authorizationServers, List<String> scopes,
                                     ObjectMapper json) {
        this.urls = urls;
        this.authorizationServers = List.copyOf(authorizationServers);
        this.scopes = List.copyOf(scopes);
        this.json = json;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ObjectNode out = json.createObjectNode();
        out.put("resource", urls.resource(request));
        authorizationServers.forEach(out.putArray("authorization_servers")::add);
        scopes.forEach(out.putArray("scopes_supported")::add);
        out.putArray("bearer_methods_supported").add("header");
        out.put("resource_name", "ADF Ops: Azure Data Factory runs, diagnoses, trends and cost");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "max-age=3600");
        response.getWriter().write(out.toString());
    }
}
