package com.adfops.cards;

import com.adfops.TestSim;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the official npm engines (adaptivecards-templating to expand, adaptivecards to validate) on a batch of
 * templates, through {@code tools/node/cardcheck.js}. The node packages are installed by the build
 * ({@code npm ci} in tools/node).
 */
final class NodeCardCheck {

    record Result(JsonNode expanded, java.util.List<String> problems) {
    }

    private NodeCardCheck() {
    }

    static Path toolsDir() {
        return Path.of(System.getProperty("adfops.node.tools", "tools/node"));
    }

    /** name -> [template or null, data]; a null template validates the data as a finished card. */
    static Map<String, Result> run(ArrayNode batch) throws IOException, InterruptedException {
        Path in = Files.createTempFile("cards", ".json");
        try {
            Files.writeString(in, TestSim.JSON.writeValueAsString(batch));
            Process p = new ProcessBuilder("node", "cardcheck.js", in.toAbsolutePath().toString())
                    .directory(toolsDir().toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("node cardcheck.js failed (exit " + p.exitValue()
                        + "); did `npm ci` run in tools/node?");
            }
            JsonNode results = TestSim.JSON.readTree(new String(out, StandardCharsets.UTF_8));
            Map<String, Result> map = new LinkedHashMap<>();
            for (JsonNode r : results) {
                java.util.List<String> problems = new java.util.ArrayList<>();
                r.get("problems").forEach(x -> problems.add(x.asText()));
                map.put(r.get("name").asText(), new Result(r.get("expanded"), problems));
            }
            return map;
        } finally {
            Files.deleteIfExists(in);
        }
    }
}
