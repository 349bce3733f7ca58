package com.adfops.mcp;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge in front of {@code /mcp}: the caller first (a bearer token the {@link TokenValidator} accepts, or the local
 * caller of a server that runs open on loopback), then its rate. A request without a good token gets 401 with {@code
 * WWW-Authenticate: Bearer resource_metadata="..."} (where the client learns which authorization server to ask, as MCP's
 * authorization specifies), a request to an open server from anywhere but loopback (Host, Origin) 403, a token
 * without the app role 403 ({@code insufficient_scope}), a caller over its rate 429
 * with {@code Retry-After}; none of them reaches the server, so no data leaves with a refusal. A body that is not one
 * JSON-RPC message gets a JSON-RPC error ({@link JsonRpcBody}).
 */
public final class McpAuthFilter implements Filter {

    private static final Logger log = LoggerFactory.getLogger(McpAuthFilter.class);
    /** The request attribute the server's transport context reads the caller from. */
    public static final String CALLER = "com.adfops.mcp.caller";

    private final TokenValidator tokens;
    private final RateLimiter rate;
    /** Refused calls per remote address: 1 a second, 30 at once. */
    private final RateLimiter refusals = new RateLimiter(1, 30);
    private final PublicUrl urls;
    private final String scope;
    private final int maxBody;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    /**
     * @param tokens the validator, or null for a server open to the local caller (loopback only: the wiring decides)
     * @param scope  the scope a client asks for ({@code <application ID URI>/.default}), named in 403 answers
     * @param maxBody the largest body taken, in bytes (413 beyond)
     */
    public McpAuthFilter(TokenValidator tokens, RateLimiter rate, PublicUrl urls, String scope, int maxBody,
                         com.fasterxml.jackson.databind.ObjectMapper json) {
        this.tokens = tokens;
        this.rate = rate;
        this.urls = urls;
        this.scope = scope;
        this.maxBody = maxBody;
        this.json = json;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        Caller caller;
        if (tokens == null) {
            if (!local(request.getHeader("Host"), request.getHeader("Origin"))) {
                // A page in a browser must not reach an open server through a name it controls (DNS rebinding).
                refuse(response, 403, null, "forbidden", "Without tokens, /mcp takes only local callers "
                        + "(Host and Origin on loopback)");
                return;
            }
            caller = Caller.LOCAL;
        } else {
            // Refused callers (no token, a bad token, no role) have their own small budget per address: a flood of
            // bad tokens costs neither signature checks nor log lines past it.
            long cooling = refusals.waiting(request.getRemoteAddr());
            if (cooling > 0) {
                response.setHeader("Retry-After", Long.toString(cooling));
                refuse(response, 429, null, "rate_limited", "Too many refused calls; retry after " + cooling + " s");
                return;
            }
            String header = request.getHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() < 8) {
                refusals.acquire(request.getRemoteAddr());
                refuse(response, 401, "Bearer resource_metadata=\"" + urls.metadata(request) + "\"",
                        "unauthorized", "A bearer token from Entra ID is required; see " + urls.metadata(request));
                return;
            }
            TokenValidator.Outcome outcome = tokens.validate(header.substring(7).trim());
            if (outcome instanceof TokenValidator.Outcome.Valid v) {
                caller = v.caller();
            } else if (outcome instanceof TokenValidator.Outcome.Forbidden f) {
                refusals.acquire(request.getRemoteAddr());
                log.debug("MCP: refused {}: {}", f.caller(), f.why());
                refuse(response, 403, "Bearer error=\"insufficient_scope\", scope=\"" + scope
                        + "\", error_description=\"" + f.why() + "\", resource_metadata=\"" + urls.metadata(request)
                        + "\"", "insufficient_scope", f.why());
                return;
            } else if (outcome instanceof TokenValidator.Outcome.KeysUnavailable k) {
                log.warn("MCP: {}", k.why());
                response.setHeader("Retry-After", "30");
                refuse(response, 503, null, "temporarily_unavailable", k.why() + "; try again shortly");
                return;
            } else {
                String why = ((TokenValidator.Outcome.Invalid) outcome).why();
                refusals.acquire(request.getRemoteAddr());
                log.debug("MCP: refused a token from {}: {}", request.getRemoteAddr(), why);
                refuse(response, 401, "Bearer error=\"invalid_token\", error_description=\"" + why
                        + "\", resource_metadata=\"" + urls.metadata(request) + "\"", "invalid_token", why);
                return;
            }
        }
        long wait = rate.acquire(caller.key());
        if (wait > 0) {
            log.info("MCP: {} is over its rate; retry after {} s", caller, wait);
            response.setHeader("Retry-After", Long.toString(wait));
            refuse(response, 429, null, "rate_limited", "Too many calls; retry after " + wait + " s");
            return;
        }
        request.setAttribute(CALLER, caller);
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(maxBody + 1);
        if (body.length > maxBody) {
            refuse(response, 413, null, "too_large", "The body is over " + maxBody + " bytes");
            return;
        }
        com.fasterxml.jackson.databind.node.ObjectNode problem = JsonRpcBody.problem(body, json);
        if (problem != null) {
            response.setStatus(400);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(problem.toString().getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(new com.adfops.web.HeldBody(request, body, false), response);
    }

    /**
     * Whether a request to an open server is local: its Host (and its Origin, when it has one) a loopback name or
     * address, as MCP's transport wants servers that run locally to check.
     */
    static boolean local(String host, String origin) {
        if (host == null || !loopback(host)) {
            return false;
        }
        if (origin == null || origin.isBlank()) {
            return true;
        }
        try {
            String h = java.net.URI.create(origin.trim()).getHost();
            return h != null && loopback(h);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean loopback(String hostAndPort) {
        String h = hostAndPort.trim().toLowerCase(java.util.Locale.ROOT);
        if (h.startsWith("[")) {
            h = h.substring(1, Math.max(1, h.indexOf(']')));
        } else if (h.indexOf(':') == h.lastIndexOf(':') && h.contains(":")) {
            h = h.substring(0, h.indexOf(':'));
        }
        return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1") || h.matches("127(\\.\\d{1,3}){3}");
    }

    private void refuse(HttpServletResponse response, int status, String challenge, String error, String text)
            throws IOException {
        response.setStatus(status);
        if (challenge != null) {
            response.setHeader("WWW-Authenticate", challenge);
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        java.util.Map<String, String> body = new java.util.LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", text);
        response.getOutputStream().write(json.writeValueAsBytes(body));
    }
}
