package com.adfops.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first thing a POST to the bot's endpoints meets, before any parsing or authentication: a body longer than
 * {@code limit} bytes is refused with 413 without being read (by its {@code Content-Length}) or after reading at most
 * {@code limit + 1} bytes of it (a chunked body is cut there). An accepted body is held once, at most {@code limit}
 * bytes, and handed on as JSON: a missing, wildcard ({@code *}{@code /*}) or unreadable {@code Content-Type} is not the
 * caller's business to get right for these endpoints, and never a 5xx. So an unauthenticated request costs at most
 * {@code limit} bytes of memory, whatever it claims or sends.
 */
final class BodyLimitFilter extends OncePerRequestFilter {

    private final int limit;

    BodyLimitFilter(int limit) {
        this.limit = limit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equalsIgnoreCase(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            tooLarge(response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(limit + 1);
        if (body.length > limit) {
            tooLarge(response);
            return;
        }
        chain.doFilter(new com.adfops.web.HeldBody(request, body, true), response);
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        // The rest of the body is not read: the connection is closed after this answer.
        response.setHeader("Connection", "close");
        response.setContentType("application/json");
        response.getWriter().write("{\"error\":{\"code\":\"PayloadTooLarge\",\"message\":\"The request body is larger "
                + "than " + (limit / 1024) + " KB.\"}}");
    }
}
