package com.adfops.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;

/**
 * A request whose body a filter has already read (at most its limit), handed on so it can be read again, as often as
 * anyone wants. With {@code asJson} it also says it is UTF-8 JSON of that length, whatever the caller declared (a
 * missing or wildcard {@code Content-Type} is not the caller's business to get right for the bot's JSON endpoints).
 */
public final class HeldBody extends HttpServletRequestWrapper {

    private static final String JSON = "application/json;charset=UTF-8";
    private final byte[] body;
    private final boolean asJson;

    public HeldBody(HttpServletRequest request, byte[] body, boolean asJson) {
        super(request);
        this.body = body;
        this.asJson = asJson;
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return in.available() == 0;
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
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
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
        return asJson ? JSON : super.getContentType();
    }

    @Override
    public String getCharacterEncoding() {
        return asJson ? "UTF-8" : super.getCharacterEncoding();
    }

    @Override
    public String getHeader(String name) {
        if (asJson && "Content-Type".equalsIgnoreCase(name)) {
            return JSON;
        }
        if ("Content-Length".equalsIgnoreCase(name)) {
            return String.valueOf(body.length);
        }
        return super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        if ((asJson && "Content-Type".equalsIgnoreCase(name)) || "Content-Length".equalsIgnoreCase(name)) {
            return Collections.enumeration(java.util.List.of(getHeader(name)));
        }
        return super.getHeaders(name);
    }
}
