package com.adfops.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The definitions of the built-in demo factory ({@link BuiltInDataset}): {@code sim/builtin-definitions.json} (a
 * nightly trigger in W. Europe time starting the main load, hourly and interval triggers, two tumbling window
 * triggers with delays, one depending on the other, a stopped and a disabled trigger, a storage event trigger; Copy
 * activities whose outputs other pipelines read; the Execute Pipeline parent of the nightly runs; linked services on
 * a self-hosted runtime with two nodes, on a managed VNet runtime and on the Azure runtime), with the times the
 * generated week needs: each trigger's start and schedule follow the first run it started, and the self-hosted nodes
 * went offline when the on-premises extract last succeeded.
 */
final class BuiltInDefinitions {

    static final String RESOURCE = "/sim/builtin-definitions.json";
    /** The Windows time zones the file uses, as IANA ids (only to place the generated runs' times). */
    private static final Map<String, ZoneId> ZONES = Map.of("W. Europe Standard Time", ZoneId.of("Europe/Berlin"),
            "UTC", ZoneOffset.UTC);
    /** How ADF writes a recurrence's start in a time zone other than UTC: wall-clock, no offset. */
    private static final java.time.format.DateTimeFormatter WALL_CLOCK =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final String ONPREM_PIPELINE = "pl_extract_erp_onprem";

    private BuiltInDefinitions() {
    }

    /** Whether {@code dataset} is the built-in factory: its name, and every pipeline with runs defined in the file. */
    static boolean fits(SimDataset dataset) {
        if (!BuiltInDataset.FACTORY.equals(dataset.factory())) {
            return false;
        }
        Set<String> defined = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (JsonNode p : file(new ObjectMapper()).get("pipelines")) {
            defined.add(p.get("name").asText());
        }
        return defined.containsAll(dataset.pipelineNames());
    }

    /** The file's definitions, timed to the runs of {@code dataset} as the factory stands at {@code now}. */
    static SimDefinitions forDataset(SimDataset dataset, ObjectMapper json, Instant now) {
        ObjectNode root = file(json);
        Map<String, Instant> firstRun = new HashMap<>();
        Instant onpremUp = null;
        for (ObjectNode run : dataset.pipelineRuns()) {
            Instant start = SimDataset.time(run, "runStart");
            JsonNode by = run.get("invokedBy");
            String trigger = by == null ? null : SimDataset.text(by, "name");
            if (start != null && trigger != null && !"Manual".equals(SimDataset.text(by, "invokedByType"))) {
                firstRun.merge(trigger, start, (a, b) -> a.isBefore(b) ? a : b);
            }
            Instant end = SimDataset.time(run, "runEnd");
            if (ONPREM_PIPELINE.equals(SimDataset.text(run, "pipelineName")) && "Succeeded".equals(SimDataset.text(run, "status"))
                    && end != null && !end.isAfter(now) && (onpremUp == null || end.isAfter(onpremUp))) {
                onpremUp = end;
            }
        }
        for (JsonNode t : root.get("triggers")) {
            Instant first = firstRun.get(t.get("name").asText());
            if (first != null) {
                time((ObjectNode) t.get("properties"), first.truncatedTo(ChronoUnit.MINUTES));
            }
        }
        Instant offlineSince = onpremUp != null ? onpremUp : now.minus(Duration.ofHours(8));
        for (JsonNode ir : root.get("integrationRuntimes")) {
            if (SimDefinitions.nodes(ir.get("status")) instanceof ArrayNode list) {
                for (JsonNode n : list) {
                    ObjectNode node = (ObjectNode) n;
                    node.put("lastConnectTime", offlineSince.toString());
                    node.put("expiryTime", now.plus(Duration.ofDays(45)).truncatedTo(ChronoUnit.DAYS).toString());
                }
            }
        }
        return SimDefinitions.parse(root, json);
    }

    /** Sets a trigger's start (and a daily schedule's hour and minute) so that {@code first} is one of its firings. */
    private static void time(ObjectNode trigger, Instant first) {
        ObjectNode props = (ObjectNode) trigger.get("typeProperties");
        if ("TumblingWindowTrigger".equals(SimDataset.text(trigger, "type"))) {
            // A window's run starts when the window ends plus the delay: the first run ended the first window.
            Duration delay = Duration.ZERO;
            String d = SimDataset.text(props, "delay");
            if (d != null && d.matches("\\d{2}:\\d{2}:\\d{2}")) {
                delay = Duration.between(java.time.LocalTime.MIN, java.time.LocalTime.parse(d));
            }
            Duration size = unit(SimDataset.text(props, "frequency")).multipliedBy(props.path("interval").asInt(1));
            props.put("startTime", first.minus(delay).minus(size).toString());
            return;
        }
        ObjectNode rec = (ObjectNode) props.get("recurrence");
        if (rec == null) {
            return;
        }
        String zoneName = SimDataset.text(rec, "timeZone");
        ZoneId zone = ZONES.getOrDefault(zoneName == null ? "UTC" : zoneName, ZoneOffset.UTC);
        LocalDateTime local = LocalDateTime.ofInstant(first, zone);
        if (rec.get("schedule") instanceof ObjectNode schedule) {
            schedule.putArray("hours").add(local.getHour());
            schedule.putArray("minutes").add(local.getMinute());
            local = local.truncatedTo(ChronoUnit.DAYS).minusDays(1);
        }
        rec.put("startTime", zone.equals(ZoneOffset.UTC) ? local.toInstant(ZoneOffset.UTC).toString()
                : local.format(WALL_CLOCK));
    }

    private static Duration unit(String frequency) {
        return "Minute".equals(frequency) ? Duration.ofMinutes(1) : "Month".equals(frequency) ? Duration.ofDays(30)
                : Duration.ofHours(1);
    }

    /** The file as written (a fresh copy). */
    static ObjectNode file(ObjectMapper json) {
        try (InputStream in = BuiltInDefinitions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the built-in definitions " + RESOURCE + " are missing");
            }
            return (ObjectNode) json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the built-in definitions " + RESOURCE + " could not be read", e);
        }
    }
}
