package com.adfops.tools;

import static com.adfops.tools.ToolArgs.text;

import com.adfops.impact.FactoryImpact;
import com.adfops.impact.RuntimeReport;
import com.adfops.impact.RuntimeUser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.Locale;

/**
 * {@code adf_runtime_health}: the self-hosted integration runtimes (or the one named): state, nodes not online and
 * since when, version expiry, and the pipelines that use one and run within {@link FactoryImpact#AT_RISK}.
 */
record RuntimeHealthTool(FactoryImpact impact, ObjectMapper json) implements Tool {

    @Override
    public Result run(ObjectNode a, ZoneId zone) {
        String name = text(a, "runtime");
        FactoryImpact.Runtimes rs = impact.runtimes(name == null || name.isEmpty() ? null : name);
        ObjectNode out = json.createObjectNode();
        ArrayNode list = out.putArray("runtimes");
        for (RuntimeReport r : rs.reports()) {
            ObjectNode o = list.addObject().put("name", r.runtime()).put("state", lower(r.state()))
                    .put("availability", lower(r.availability())).put("version", lower(r.version()))
                    .put("read_at", String.valueOf(r.readAt()));
            if (r.expiry() != null) {
                o.put("version_expires", r.expiry().toString());
            }
            DownstreamImpactTool.putNodes(o, r.nodesNotOnline());
            ArrayNode risk = o.putArray("at_risk");
            for (RuntimeUser u : r.atRisk()) {
                ObjectNode row = risk.addObject().put("pipeline", u.pipeline()).put("next_run", String.valueOf(u.nextRun()));
                if (!u.through().isEmpty()) {
                    row.put("through", String.join(", ", u.through()));
                }
            }
            o.put("pipelines_using_it", r.users().size());
        }
        out.put("at_risk_horizon_hours", FactoryImpact.AT_RISK.toHours());
        if (rs.reports().isEmpty()) {
            ArrayNode known = out.putArray("known_runtimes");
            rs.known().forEach(known::add);
            out.put("note", name == null || name.isEmpty() ? "No self-hosted integration runtime is defined in the "
                    + "factories' definitions (or they could not be read)." : "No self-hosted integration runtime is "
                    + "called " + name + ".");
        }
        return Result.of(out);
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
