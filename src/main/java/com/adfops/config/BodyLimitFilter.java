package com.adfops.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
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
        chain.doFilter(new HeldBody(request, body), response);
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        // The rest of the body is not read: the connection is closed after this answer.
        response.setHeader("Connection", "close");
        response.setContentType("application/json");
        response.getWriter().write("{\"error\":{\"code\":\"PayloadTooLarge\",\"message\":\"The request body is larger "
                + "than " + (limit / 1024) + " KB.\"}}");
    }

    /** The request with its body read once, as UTF-8 JSON. */
    private static final class HeldBody extends HttpServletRequestWrapper {
        private final byte[] body;

        HeldBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    try {
                        return in.available() == 0;
                    } catch (IOException e) {
                        return true;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }

                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public String getContentType() {
            return "application/json;charset=UTF-8";
        }

        @Override
        public String getCharacterEncoding() {
            return "UTF-8";
        }

        @Override
        public String getHeader(String name) {
            if ("Content-Type".equalsIgnoreCase(name)) {
                return getContentType();
            }
            if ("Content-Length".equalsIgnoreCase(name)) {
                return String.valueOf(body.length);
            }
            return super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if ("Content-Type".equalsIgnoreCase(name) || "Content-Length".equalsIgnoreCase(name)) {
                return Collections.enumeration(java.util.List.of(getHeader(name)));
            }
            return super.getHeaders(name);
        }
    }
}
