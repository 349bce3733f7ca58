package com.adfops.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which integration runtime each linked service of a factory connects via, from its definitions (a dataset's
 * {@code "definitions"} section or the built-in factory's file): the linked service's {@code connectVia}, else ADF's
 * default Azure runtime. So every activity run names a runtime the definitions know, one way: as ADF writes it in a
 * Copy's {@code output.effectiveIntegrationRuntime} ("name (region)" for an Azure runtime, the name for a self-hosted
 * one).
 */
final class LinkedRuntimes {

    /** ADF's default Azure runtime, used by a linked service without {@code connectVia}. */
    static final String AUTO_RESOLVE = "AutoResolveIntegrationRuntime";
    /** Where an Azure runtime without a location (AutoResolve) ran the simulated factory's activities. */
    static final String REGION = "West Europe";

    /** One runtime: its name, whether it is self-hosted, and where an Azure one runs. */
    record Runtime(String name, boolean selfHosted, String region) {

        /** As ADF writes it in {@code output.effectiveIntegrationRuntime}. */
        String effective() {
            return selfHosted ? name : name + " (" + region + ")";
        }
    }

    private static final Runtime DEFAULT = new Runtime(AUTO_RESOLVE, false, REGION);

    /** Each linked service's runtime name ({@code connectVia}), null when it has none (the default). */
    private final Map<String, String> connectVia = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, Runtime> runtimes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    private LinkedRuntimes() {
    }

    /** The runtimes of a definitions section (missing parts: every linked service on the default runtime). */
    static LinkedRuntimes of(JsonNode section) {
        LinkedRuntimes r = new LinkedRuntimes();
        if (section == null) {
            return r;
        }
        for (JsonNode ls : section.path("linkedServices")) {
            String via = SimDataset.text(ls.path("properties").path("connectVia"), "referenceName");
            if (SimDataset.text(ls, "name") != null) {
                r.connectVia.put(SimDataset.text(ls, "name"), via == null || via.isBlank() ? null : via);
            }
        }
        for (JsonNode ir : section.path("integrationRuntimes")) {
            String name = SimDataset.text(ir, "name");
            if (name == null) {
                continue;
            }
            JsonNode props = ir.path("properties");
            String location = SimDataset.text(props.path("typeProperties").path("computeProperties"), "location");
            r.runtimes.put(name, new Runtime(name, "SelfHosted".equalsIgnoreCase(SimDataset.text(props, "type")),
                    location == null || location.isBlank() || "AutoResolve".equalsIgnoreCase(location) ? REGION : location));
        }
        return r;
    }

    /** The runtime {@code linkedService} connects via: its {@code connectVia}, else the default Azure runtime. */
    Runtime of(String linkedService) {
        String via = linkedService == null ? null : connectVia.get(linkedService);
        if (via == null) {
            return runtimes.getOrDefault(AUTO_RESOLVE, DEFAULT);
        }
        return runtimes.getOrDefault(via, new Runtime(via, false, REGION));
    }

    /**
     * Writes the runtime of each Copy activity run that names a linked service the definitions know and no runtime of
     * its own ({@code output.effectiveIntegrationRuntime}); what a dataset wrote stays as written.
     */
    void fill(List<ObjectNode> activityRuns) {
        for (ObjectNode a : activityRuns) {
            String linked = SimDataset.text(a, "linkedServiceName");
            if (linked == null || linked.isBlank() || !"Copy".equals(SimDataset.text(a, "activityType"))
                            || !connectVia.containsKey(linked)) {
                continue;
            }
            JsonNode out = a.get("output");
            ObjectNode output = out instanceof ObjectNode o ? o : a.putObject("output");
            if (SimDataset.text(output, "effectiveIntegrationRuntime") == null) {
                output.put("effectiveIntegrationRuntime", of(linked).effective());
            }
        }
    }
}
