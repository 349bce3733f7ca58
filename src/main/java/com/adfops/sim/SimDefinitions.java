package com.adfops.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a simulated factory is made of, in ADF's own JSON (api-version 2018-06-01): pipelines, datasets, linked
 * services, triggers (with {@code properties.runtimeState}), integration runtimes with the {@code getStatus}
 * properties of each, and optionally trigger runs. Kept verbatim as a dataset's {@code "definitions"} section holds
 * them, so what ADF Studio's JSON view shows can be pasted in:
 *
 * <pre>{@code
 * "definitions": {
 *   "pipelines":      [{"name": "pl_load", "properties": {"activities": [...], "folder": {"name": "Loads"}}}],
 *   "datasets":       [{"name": "ds_orders", "properties": {"type": "AzureSqlTable", "linkedServiceName": {...}}}],
 *   "linkedServices": [{"name": "ls_sql", "properties": {"type": "AzureSqlDatabase", "connectVia": {...}}}],
 *   "triggers":       [{"name": "tr_nightly", "properties": {"type": "ScheduleTrigger", "runtimeState": "Started", ...}}],
 *   "integrationRuntimes": [{"name": "ir-onprem", "properties": {"type": "SelfHosted"},
 *                            "status": {"type": "SelfHosted", "state": "Online", "typeProperties": {"nodes": [...]}}}],
 *   "triggerRuns":    [{"triggerRunId": ..., "triggerName": ..., "triggerRunTimestamp": ..., "status": ...}]
 * }
 * }</pre>
 *
 * Every section is optional. Pipelines that have runs but no definition get a minimal one (no activities), so a
 * dataset without the section still lists its pipelines. An integration runtime without {@code status} reports
 * {@code Online} (self-hosted: no nodes). Live changes ({@link #setTriggerState}, {@link #setNodeStatus}) stand for
 * someone stopping a trigger or a node going offline; they are safe from any thread.
 */
public final class SimDefinitions {

    /** The kinds of definitions, by their path segment under the factory. */
    enum Kind {
        PIPELINES("pipelines", "Microsoft.DataFactory/factories/pipelines"),
        DATASETS("datasets", "Microsoft.DataFactory/factories/datasets"),
        LINKED_SERVICES("linkedservices", "Microsoft.DataFactory/factories/linkedservices"),
        TRIGGERS("triggers", "Microsoft.DataFactory/factories/triggers"),
        INTEGRATION_RUNTIMES("integrationRuntimes", "Microsoft.DataFactory/factories/integrationruntimes");

        final String segment;
        final String type;

        Kind(String segment, String type) {
            this.segment = segment;
            this.type = type;
        }
    }

    private static final String[] SECTIONS = {"pipelines", "datasets", "linkedServices", "triggers", "integrationRuntimes"};

    private final ObjectMapper json;
    private final Map<Kind, TreeMap<String, ObjectNode>> items = new java.util.EnumMap<>(Kind.class);
    private final TreeMap<String, ObjectNode> statuses = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final List<ObjectNode> triggerRuns;

    private SimDefinitions(ObjectMapper json, List<ObjectNode> triggerRuns) {
        this.json = json;
        for (Kind k : Kind.values()) {
            items.put(k, new TreeMap<>(String.CASE_INSENSITIVE_ORDER));
        }
        this.triggerRuns = triggerRuns;
    }

    /**
     * Reads a {@code "definitions"} section (a copy: the dataset's JSON stays as written). The message of the exception
     * says what is wrong with it.
     */
    public static SimDefinitions parse(JsonNode section, ObjectMapper json) {
        if (section == null || !section.isObject()) {
            throw new IllegalArgumentException("dataset: \"definitions\" must be an object");
        }
        List<ObjectNode> runs = section.has("triggerRuns") ? objects(section, "triggerRuns") : null;
        SimDefinitions d = new SimDefinitions(json, runs == null ? null : copies(runs));
        Kind[] kinds = Kind.values();
        for (int i = 0; i < SECTIONS.length; i++) {
            if (!section.has(SECTIONS[i])) {
                continue;
            }
            for (ObjectNode item : objects(section, SECTIONS[i])) {
                String name = SimDataset.text(item, "name");
                if (name == null || name.isBlank()) {
                    throw new IllegalArgumentException("dataset: every element of \"definitions." + SECTIONS[i]
                            + "\" must have a \"name\"");
                }
                ObjectNode resource = json.createObjectNode();
                resource.put("name", name);
                JsonNode props = item.get("properties");
                resource.set("properties", props != null && props.isObject() ? props.deepCopy() : json.createObjectNode());
                d.items.get(kinds[i]).put(name, resource);
                if (kinds[i] == Kind.INTEGRATION_RUNTIMES) {
                    d.statuses.put(name, status(item, resource, json));
                }
            }
        }
        return d;
    }

    /** Minimal definitions for a dataset without a section: a pipeline (no activities) for each that has runs. */
    public static SimDefinitions derived(java.util.Collection<String> pipelines, ObjectMapper json) {
        SimDefinitions d = new SimDefinitions(json, null);
        d.addMissingPipelines(pipelines);
        return d;
    }

    /** The definitions a dataset serves: its section, the built-in factory's, or minimal ones from its runs. */
    static SimDefinitions of(SimDataset dataset, ObjectMapper json, Instant now) {
        SimDefinitions d;
        if (dataset.definitions() != null) {
            d = parse(dataset.definitions(), json);
        } else {
            d = BuiltInDefinitions.fits(dataset) ? BuiltInDefinitions.forDataset(dataset, json, now) : derived(List.of(), json);
        }
        d.addMissingPipelines(dataset.pipelineNames());
        return d;
    }

    private void addMissingPipelines(java.util.Collection<String> pipelines) {
        TreeMap<String, ObjectNode> defined = items.get(Kind.PIPELINES);
        synchronized (this) {
            for (String name : pipelines) {
                if (name != null && !defined.containsKey(name)) {
                    ObjectNode p = json.createObjectNode();
                    p.put("name", name);
                    p.putObject("properties").putArray("activities");
                    defined.put(name, p);
                }
            }
        }
    }

    /** The getStatus properties written for a runtime, or the default: Online (a self-hosted one without nodes). */
    private static ObjectNode status(ObjectNode item, ObjectNode resource, ObjectMapper json) {
        JsonNode written = item.get("status");
        if (written != null && written.isObject()) {
            ObjectNode s = (ObjectNode) written.deepCopy();
            if (s.has("properties") && s.get("properties").isObject() && !s.has("state")) {
                s = (ObjectNode) s.get("properties");
            }
            return s;
        }
        ObjectNode s = json.createObjectNode();
        String type = SimDataset.text(resource.get("properties"), "type");
        s.put("type", type == null ? "Managed" : type);
        s.put("state", "Online");
        return s;
    }

    private static List<ObjectNode> objects(JsonNode section, String field) {
        JsonNode node = section.get(field);
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException("dataset: \"definitions." + field + "\" must be an array");
        }
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode n : node) {
            if (!n.isObject()) {
                throw new IllegalArgumentException("dataset: every element of \"definitions." + field
                        + "\" must be an object");
            }
            out.add((ObjectNode) n);
        }
        return out;
    }

    private static List<ObjectNode> copies(List<ObjectNode> in) {
        List<ObjectNode> out = new ArrayList<>();
        in.forEach(n -> out.add(n.deepCopy()));
        return out;
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    /** The names of one kind, sorted. */
    synchronized List<String> names(Kind kind) {
        return List.copyOf(items.get(kind).keySet());
    }

    /** The trigger runs the dataset wrote, or null when it wrote none (they are then derived from the runs). */
    List<ObjectNode> writtenTriggerRuns() {
        return triggerRuns;
    }

    /** A trigger's definition (its {@code properties}), or null. */
    synchronized ObjectNode triggerProperties(String name) {
        ObjectNode t = items.get(Kind.TRIGGERS).get(name);
        return t == null ? null : (ObjectNode) t.get("properties").deepCopy();
    }

    /** ADF's list answer for {@code kind}: {@code {"value": [resource...]}}, sorted by name. */
    synchronized ObjectNode list(Kind kind, String factoryId) {
        ObjectNode resp = json.createObjectNode();
        ArrayNode value = resp.putArray("value");
        for (ObjectNode item : items.get(kind).values()) {
            value.add(resource(kind, item, factoryId));
        }
        return resp;
    }

    /** One resource as ADF answers a GET, or null when there is none by that name. */
    synchronized ObjectNode get(Kind kind, String name, String factoryId) {
        ObjectNode item = items.get(kind).get(name);
        return item == null ? null : resource(kind, item, factoryId);
    }

    private ObjectNode resource(Kind kind, ObjectNode item, String factoryId) {
        String name = item.get("name").asText();
        ObjectNode r = json.createObjectNode();
        r.put("id", factoryId + "/" + kind.segment + "/" + name);
        r.put("name", name);
        r.put("type", kind.type);
        r.put("etag", Integer.toHexString(item.get("properties").toString().hashCode()));
        r.set("properties", item.get("properties").deepCopy());
        return r;
    }

    /**
     * ADF's getStatus answer for a runtime ({@code {"name", "properties": {...}}}), or null when there is none. Online
     * nodes were last connected {@code now} (they keep their heartbeat).
     */
    synchronized ObjectNode status(String runtime, String factory, Instant now) {
        ObjectNode item = items.get(Kind.INTEGRATION_RUNTIMES).get(runtime);
        if (item == null) {
            return null;
        }
        ObjectNode props = statuses.get(runtime).deepCopy();
        props.put("dataFactoryName", factory);
        if (nodes(props) instanceof ArrayNode nodes) {
            for (JsonNode n : nodes) {
                if ("Online".equalsIgnoreCase(SimDataset.text(n, "status")) && n instanceof ObjectNode on) {
                    on.put("lastConnectTime", now.toString());
                }
            }
        }
        ObjectNode resp = json.createObjectNode();
        resp.put("name", item.get("name").asText());
        resp.set("properties", props);
        return resp;
    }

    /** A self-hosted runtime status's nodes ({@code typeProperties.nodes}, as ADF answers; or {@code nodes}), or null. */
    static JsonNode nodes(JsonNode status) {
        if (status == null) {
            return null;
        }
        JsonNode nested = status.path("typeProperties").get("nodes");
        return nested != null ? nested : status.get("nodes");
    }

    // ---- live changes ----------------------------------------------------------------------------------------

    /** Starts or stops a trigger ({@code properties.runtimeState}); false when there is no such trigger. */
    public synchronized boolean setTriggerState(String trigger, boolean started) {
        ObjectNode t = items.get(Kind.TRIGGERS).get(trigger);
        if (t == null) {
            return false;
        }
        ((ObjectNode) t.get("properties")).put("runtimeState", started ? "Started" : "Stopped");
        return true;
    }

    /**
     * Sets a self-hosted runtime node's status ({@code Online}, {@code Offline}, {@code Limited}, ...) at {@code now}; the
     * runtime's state follows as ADF's does: Online when every node is, Offline when none is, else Limited. False
     * when there is no such runtime or node.
     */
    public synchronized boolean setNodeStatus(String runtime, String node, String status, Instant now) {
        ObjectNode s = statuses.get(runtime);
        if (s == null || !(nodes(s) instanceof ArrayNode nodes)) {
            return false;
        }
        boolean found = false;
        int online = 0;
        for (JsonNode n : nodes) {
            if (n instanceof ObjectNode on && node.equalsIgnoreCase(SimDataset.text(n, "nodeName"))) {
                if (!status.equalsIgnoreCase(SimDataset.text(on, "status"))) {
                    on.put("lastConnectTime", now.toString());
                }
                on.put("status", status);
                found = true;
            }
            if ("Online".equalsIgnoreCase(SimDataset.text(n, "status"))) {
                online++;
            }
        }
        if (found) {
            s.put("state", online == nodes.size() ? "Online" : online == 0 ? "Offline" : "Limited");
        }
        return found;
    }
}
