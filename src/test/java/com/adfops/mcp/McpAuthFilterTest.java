package com.adfops.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.TestSim;
import jakarta.servlet.ServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The edge in front of /mcp, one request at a time: who gets through, and what the others are told. */
class McpAuthFilterTest {

    static TestTokens tokens;
    static McpAuthFilter withTokens;
    final List<ServletRequest> passed = new ArrayList<>();

    @BeforeAll
    static void start() {
        tokens = new TestTokens();
        withTokens = new McpAuthFilter(new TokenValidator(new TokenValidator.Settings(Set.of(TestTokens.AUDIENCE),
                Set.of(TestTokens.TENANT), TestTokens.ROLE, tokens.jwksUri())), new RateLimiter(1, 2),
                new PublicUrl("https://bot.example/mcp"), TestTokens.AUDIENCE + "/.default", 1024, TestSim.JSON);
    }

    @AfterAll
    static void stop() {
        tokens.close();
    }

    @Test
    void anOpenServerTakesLocalCallersOnly() throws Exception {
        McpAuthFilter open = new McpAuthFilter(null, new RateLimiter(100, 100), new PublicUrl(null), "", 1024, TestSim.JSON);
        assertThat(send(open, request("127.0.0.1:3978", null, null)).getStatus()).isEqualTo(200);
        assertThat(passed).hasSize(1);
        assertThat(passed.get(0).getAttribute(McpAuthFilter.CALLER)).isEqualTo(Caller.LOCAL);
        assertThat(send(open, request("localhost:3978", "http://localhost:6274", null)).getStatus()).isEqualTo(200);
        assertThat(send(open, request("[::1]:3978", null, null)).getStatus()).isEqualTo(200);
        // A page of another site, or a name of the attacker's pointing at loopback (DNS rebinding).
        assertThat(send(open, request("127.0.0.1:3978", "https://evil.example", null)).getStatus()).isEqualTo(403);
        assertThat(send(open, request("evil.example:3978", null, null)).getStatus()).isEqualTo(403);
        assertThat(passed).hasSize(3);
    }

    @Test
    void withTokensTheCallerIsCheckedThenItsRateThenItsBody() throws Exception {
        MockHttpServletResponse none = send(withTokens, request("bot.example", null, null));
        assertThat(none.getStatus()).isEqualTo(401);
        assertThat(none.getHeader("WWW-Authenticate"))
                .isEqualTo("Bearer resource_metadata=\"https://bot.example/.well-known/oauth-protected-resource/mcp\"");
        MockHttpServletResponse noRole = send(withTokens, request("bot.example", null,
                tokens.token(b -> b.claim("roles", List.of())).toString()));
        assertThat(noRole.getStatus()).isEqualTo(403);
        assertThat(noRole.getHeader("WWW-Authenticate")).contains("error=\"insufficient_scope\"",
                "scope=\"" + TestTokens.AUDIENCE + "/.default\"");
        assertThat(passed).isEmpty();

        String token = tokens.token(b -> b.claim("oid", "0000babe-0000-0000-0000-0000000000aa"));
        assertThat(send(withTokens, request("bot.example", null, token)).getStatus()).isEqualTo(200);
        MockHttpServletRequest bad = request("bot.example", null, token);
        bad.setContent("{\"jsonrpc\":\"2.0\",".getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse parse = send(withTokens, bad);
        assertThat(parse.getStatus()).isEqualTo(400);
        assertThat(TestSim.JSON.readTree(parse.getContentAsString()).at("/error/code").asInt()).isEqualTo(-32700);
        MockHttpServletResponse limited = send(withTokens, request("bot.example", null, token));
        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getHeader("Retry-After")).isEqualTo("1");
        assertThat(passed).hasSize(1);
        assertThat(((Caller) passed.get(0).getAttribute(McpAuthFilter.CALLER)).id())
                .isEqualTo("0000babe-0000-0000-0000-0000000000aa");
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        MockHttpServletRequest big = request("bot.example", null, tokens.valid());
        big.setContent(("{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":\"" + "y".repeat(2000) + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(send(withTokens, big).getStatus()).isEqualTo(413);
        assertThat(passed).isEmpty();
    }

    private MockHttpServletResponse send(McpAuthFilter filter, MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> passed.add(req));
        return response;
    }

    private static MockHttpServletRequest request(String host, String origin, String token) {
        MockHttpServletRequest r = new MockHttpServletRequest("POST", "/mcp");
        r.addHeader("Host", host);
        r.setServerName(host.replaceAll(":\\d+$", "").replace("[", "").replace("]", ""));
        if (origin != null) {
            r.addHeader("Origin", origin);
        }
        if (token != null) {
            r.addHeader("Authorization", "Bearer " + token);
        }
        r.setContent("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}".getBytes(StandardCharsets.UTF_8));
        return r;
    }
}
