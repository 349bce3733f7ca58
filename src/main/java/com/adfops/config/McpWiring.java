package com.adfops.config;

import com.adfops.runs.AdfTools;
import com.adfops.tools.ToolRunner;
import com.adfops.docs.DocsService;
import com.adfops.mcp.McpAuthFilter;
import com.adfops.mcp.McpEndpoint;
import com.adfops.mcp.McpTools;
import com.adfops.mcp.ProtectedResourceMetadata;
import com.adfops.mcp.PublicUrl;
import com.adfops.mcp.RateLimiter;
import com.adfops.mcp.TokenValidator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The MCP face's wiring: whether it runs and how callers are checked ({@link #mode}), the server at {@code /mcp}
 * behind its filter, and the protected resource metadata.
 */
@Configuration(proxyBeanMethods = false)
public class McpWiring {

    private static final Logger log = LoggerFactory.getLogger(McpWiring.class);
    /** How long one tool call may take (a cost question over many runs reads their billing). */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(90);

    /** Off; open to the local caller (the simulated factory on loopback); or Entra tokens required. */
    public enum Mode { OFF, OPEN, TOKENS }

    /**
     * Tokens once an audience is set (and then tenants are required); without one, open only on the embedded
     * simulated factory while the bot listens on loopback; a server enabled on purpose that would be open anywhere else
     * stops the bot from starting.
     */
    static Mode mode(McpProperties mcp, boolean simulated, boolean loopback) {
        boolean enabled = mcp.enabled() != null ? mcp.enabled() : simulated || mcp.tokensConfigured();
        if (!enabled) {
            return Mode.OFF;
        }
        if (mcp.tokensConfigured()) {
            if (mcp.tenants().isEmpty()) {
                throw new IllegalStateException("ADFOPS_MCP_AUDIENCE is set but ADFOPS_MCP_TENANTS is empty: name the "
                        + "Entra tenants whose tokens the MCP server accepts.");
            }
            return Mode.TOKENS;
        }
        if (simulated && loopback) {
            return Mode.OPEN;
        }
        if (Boolean.TRUE.equals(mcp.enabled())) {
            throw new IllegalStateException("ADFOPS_MCP_ENABLED=true without ADFOPS_MCP_AUDIENCE and ADFOPS_MCP_TENANTS: "
                    + "the MCP server runs without tokens only on the simulated factory and on loopback.");
        }
        return Mode.OFF;
    }

    /** The tool runner the MCP tools call: the model's, over the same tools and docs. */
    @Bean
    public McpTools mcpTools(AdfTools tools, DocsService docs, ObjectMapper adfopsJson,
                             com.adfops.analytics.Analytics analytics, com.adfops.impact.FactoryImpact impact,
                             com.adfops.schedule.Schedules schedules) {
        return new McpTools(new ToolRunner(tools, analytics, docs, adfopsJson, impact, schedules), adfopsJson);
    }

    /** The server, started only when {@link #mode} says so. */
    @Bean(destroyMethod = "close")
    public McpFace mcpFace(McpProperties mcp, AdfProperties adf, McpTools tools, ObjectMapper adfopsJson, Environment env) {
        boolean loopback = isLoopback(env.getProperty("server.address", ""));
        Mode mode = mode(mcp, adf.allFactories().isEmpty(), loopback);
        if (mode == Mode.OFF) {
            log.info("MCP server: off (set ADFOPS_MCP_ENABLED, ADFOPS_MCP_AUDIENCE and ADFOPS_MCP_TENANTS to serve /mcp)");
            return new McpFace(mode, null, null, null);
        }
        McpEndpoint endpoint = new McpEndpoint(tools, adfopsJson, "1", ApplicationWiring.MAX_BODY, CALL_TIMEOUT);
        PublicUrl urls = new PublicUrl(mcp.resource());
        RateLimiter rate = new RateLimiter(mcp.rate(), mcp.burst());
        if (mode == Mode.OPEN) {
            log.warn("MCP server: /mcp open to local callers, without tokens (simulated factory on loopback); set "
                    + "ADFOPS_MCP_AUDIENCE and ADFOPS_MCP_TENANTS to require Entra tokens");
            return new McpFace(mode, endpoint, new McpAuthFilter(null, rate, urls, "", ApplicationWiring.MAX_BODY,
                    adfopsJson), null);
        }
        Set<String> audiences = new LinkedHashSet<>(List.of(mcp.audience().trim()));
        if (mcp.clientId() != null && !mcp.clientId().isBlank()) {
            audiences.add(mcp.clientId().trim());
        }
        TokenValidator validator = new TokenValidator(new TokenValidator.Settings(audiences, Set.copyOf(mcp.tenants()),
                mcp.role(), mcp.jwksUri()));
        String scope = mcp.audience().trim().replaceAll("/+$", "") + "/.default";
        log.info("MCP server: /mcp for Entra tokens of {} (tenants {}, role {}), {} calls/s a caller (burst {})",
                audiences, mcp.tenants(), mcp.role(), mcp.rate(), mcp.burst());
        return new McpFace(mode, endpoint, new McpAuthFilter(validator, rate, urls, scope, ApplicationWiring.MAX_BODY,
                adfopsJson),
                new ProtectedResourceMetadata(urls, validator.authorizationServers(), List.of(scope), adfopsJson));
    }

    /**
     * Whether the bot listens on loopback only, judged as {@code teams.ListenAddressGuard} judges it (an empty address
     * is every interface). Not shared: the guard runs before the context, in the Teams edge, which imports config.
     */
    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return java.net.InetAddress.getByName(address.trim()).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** Registers the server, its filter and the metadata with the web server (nothing when off). */
    @Bean
    public ServletContextInitializer mcpRegistration(McpFace face) {
        return context -> {
            if (face.mode() == Mode.OFF) {
                return;
            }
            var servlet = context.addServlet("mcp", face.endpoint().servlet());
            servlet.addMapping(PublicUrl.ENDPOINT);
            servlet.setAsyncSupported(true);
            var filter = context.addFilter("mcpAuth", face.filter());
            filter.setAsyncSupported(true);
            filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, PublicUrl.ENDPOINT);
            if (face.metadata() != null) {
                context.addServlet("mcpMetadata", face.metadata())
                        .addMapping(PublicUrl.METADATA, PublicUrl.METADATA + PublicUrl.ENDPOINT);
            }
        };
    }

    /** The face as wired: the server, its filter and the metadata (null when off, the metadata null when open). */
    public record McpFace(Mode mode, McpEndpoint endpoint, McpAuthFilter filter, ProtectedResourceMetadata metadata)
            implements AutoCloseable {
        @Override
        public void close() {
            if (endpoint != null) {
                endpoint.close();
            }
        }
    }
}
