package com.adfops.tools;

import static com.adfops.tools.ToolArgs.text;

import com.adfops.docs.DocResult;
import com.adfops.docs.DocsService;
import com.adfops.docs.Guidance;
import com.adfops.runs.ErrorText;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;

/** {@code adf_docs_search}: Microsoft Learn's pages for a query (an error code, a how-to), excerpts cut. */
record DocsSearchTool(DocsService docs, ObjectMapper json) implements Tool {

    @Override
    public Result run(ObjectNode a, ZoneId zone) {
        String q = text(a, "query");
        if (q == null || q.isBlank()) {
            throw new IllegalArgumentException("query is required");
        }
        Guidance g = docs.answer(ErrorText.truncate(q, 300));
        ObjectNode out = json.createObjectNode();
        out.put("source", g.source());
        ArrayNode results = out.putArray("results");
        for (DocResult r : g.results()) {
            results.addObject().put("title", r.title()).put("url", r.url()).put("excerpt", ErrorText.truncate(r.excerpt(), 300));
        }
        if (!g.note().isBlank()) {
            out.put("note", g.note());
        }
        return Result.of(out);
    }
}
