package com.adfops.mcp;

/**
 * Who calls the MCP server: from a validated token, or the local caller of an open server (loopback only).
 *
 * @param tenant the token's tenant ({@code tid}), or "local"
 * @param id     the calling principal: the user's object id ({@code oid}), else the client application
 *               ({@code azp} / {@code appid}), else {@code sub}
 * @param client the client application's id ({@code azp} / {@code appid}), or "" when unknown
 */
public record Caller(String tenant, String id, String client) {

    /** The caller of a server that runs open on loopback (the embedded simulated factory). */
    public static final Caller LOCAL = new Caller("local", "local", "");

    /** The rate limiter's key: one bucket per principal in its tenant. */
    public String key() {
        return tenant + "/" + id;
    }

    @Override
    public String toString() {
        return client.isEmpty() || client.equals(id) ? key() : key() + " via " + client;
    }
}
