package com.adfops.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Pages of a query's answer and their continuation tokens, as ADF gives them: by offset into a list sorted per
 * request, or (runs by {@code runStart}) by position in the sorted runs of {@link RunTable}, at most
 * {@link #PAGE_BUDGET} runs looked at for a page. When set, the first page of every query is empty but carries a token.
 */
final class SimPaging {

    /** Runs looked at, at most, for one page: a rare filter over a big factory gives short pages with tokens, as ADF's. */
    static final int PAGE_BUDGET = 100_000;

    private final int pageSize;
    private volatile int pageBudget = PAGE_BUDGET;
    private volatile boolean emptyFirstPage;

    SimPaging(int pageSize) {
        this.pageSize = Math.max(1, pageSize);
    }

    void setPageBudget(int runs) {
        this.pageBudget = Math.max(1, runs);
    }

    void setEmptyFirstPage(boolean on) {
        this.emptyFirstPage = on;
    }

    /** Answers the page of {@code matched} (in order) that the body's continuation token asks for. */
    void page(SimExchange x, JsonNode body, List<ObjectNode> matched) throws IOException {
        String token = token(body);
        Integer offset = token == null ? Integer.valueOf(0) : offset(token);
        if (offset == null) {
            invalidToken(x);
            return;
        }
        boolean pastEmpty = token != null;
        ObjectNode resp = x.newObject();
        ArrayNode value = resp.putArray("value");
        if (emptyFirstPage && !pastEmpty && !matched.isEmpty()) {
            resp.put("continuationToken", token(0));
            x.send(200, resp);
            return;
        }
        int end = Math.min(matched.size(), offset + pageSize);
        for (int i = offset; i < end; i++) {
            value.add(matched.get(i));
        }
        if (end < matched.size()) {
            resp.put("continuationToken", token(end));
        }
        x.send(200, resp);
    }

    /**
     * Answers a page of the runs by {@code runStart} from the sorted runs: a binary search, then the page; {@code view}
     * is the exact test ({@link RunTable#byStart}).
     */
    void pageByStart(SimExchange x, JsonNode body, RunTable table, RunTable.Prefilter pre, boolean desc,
                     Function<ObjectNode, ObjectNode> view) throws IOException {
        String token = token(body);
        RunTable.Position from;
        try {
            from = token == null ? null : position(token, desc);
        } catch (IllegalArgumentException e) {
            invalidToken(x);
            return;
        }
        boolean pastEmpty = token != null;
        ObjectNode resp = x.newObject();
        ArrayNode value = resp.putArray("value");
        RunTable.Page probe = emptyFirstPage && !pastEmpty ? table.byStart(pre, desc, null, view, 1, pageBudget) : null;
        if (probe != null && (!probe.runs().isEmpty() || probe.next() != null)) {
            resp.put("continuationToken", startToken(desc, null));
            x.send(200, resp);
            return;
        }
        RunTable.Page p = table.byStart(pre, desc, from, view, pageSize, pageBudget);
        p.runs().forEach(value::add);
        if (p.next() != null) {
            resp.put("continuationToken", startToken(desc, p.next()));
        }
        x.send(200, resp);
    }

    /** The body's continuation token, or null when it has none (or a blank one). */
    private static String token(JsonNode body) {
        String token = SimDataset.text(body, "continuationToken");
        return token == null || token.isBlank() ? null : token;
    }

    private static void invalidToken(SimExchange x) throws IOException {
        x.error(400, "InvalidContinuationToken", "The continuation token is not valid.");
    }

    /** The offset in a token of {@link #token(int)}, or null when it is not one. */
    private static Integer offset(String token) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = decoded.split(":");
            if (parts.length != 2 || !parts[0].equals("sim")) {
                return null;
            }
            return Integer.parseInt(parts[1]);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String token(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("sim:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** A token of a page by runStart: where the next page resumes (after that run), or from the first ({@code -}). */
    private static String startToken(boolean desc, RunTable.Position after) {
        String s = "sim:s:" + (desc ? "d" : "a") + ":" + (after == null ? "-" : after.key() + ":" + after.slot());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The position in a token of {@link #startToken}; null: from the first. */
    private static RunTable.Position position(String token, boolean desc) {
        String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        String[] parts = decoded.split(":");
        if (parts.length < 4 || !parts[0].equals("sim") || !parts[1].equals("s") || !parts[2].equals(desc ? "d" : "a")) {
            throw new IllegalArgumentException("not a token of this query");
        }
        if (parts[3].equals("-") && parts.length == 4) {
            return null;
        }
        if (parts.length != 5) {
            throw new IllegalArgumentException("not a token of this query");
        }
        int slot = Integer.parseInt(parts[4]);
        if (slot < 0) {
            throw new IllegalArgumentException("not a token of this query");
        }
        return new RunTable.Position(Long.parseLong(parts[3]), slot);
    }
}
