package com.adfops.bench;

import com.adfops.sim.GeneratedFactory;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The load benchmark's question names for a generated factory ({@code ADFOPS_SIM_DATASET} with {@code "generate"}),
 * taken from the factory itself: the same spec generated here (same generator, same seed; its history ends now, a
 * few seconds after the bot's, which moves no pipeline's share of runs or failures), then the pipeline with the most
 * failed runs in the last 24 hours (for "why did X fail?") and the one with the most runs (for "status of X").
 */
final class FactoryNames {

    private FactoryNames() {
    }

    /** Prints "FAILING BUSY" for {@code bench/load.sh} (nothing for a dataset that lists its runs). */
    public static void main(String[] a) throws Exception {
        String[] names = pick(Path.of(a[0]));
        if (names != null) {
            System.out.println(names[0] + " " + names[1]);
        }
    }

    /** {failing, busy}, or null when the file lists its runs instead of generating them. */
    static String[] pick(Path dataset) throws Exception {
        JsonNode root = LoadBench.JSON.readTree(Files.readString(dataset));
        if (!root.has("generate")) {
            return null;
        }
        GeneratedFactory g = GeneratedFactory.generate(GeneratedFactory.Spec.parse(root.get("generate")), Instant.now());
        List<String> names = g.pipelineNames();
        int failed = g.statusNames().indexOf("Failed");
        long nowUs = System.currentTimeMillis() * 1000;
        long dayAgoUs = nowUs - 86_400_000_000L;
        int[] failures = new int[names.size()];
        int[] runs = new int[names.size()];
        for (int s = 0; s < g.size(); s++) {
            if (g.start(s) >= dayAgoUs && g.start(s) <= nowUs) {
                runs[g.pipeline(s)]++;
                if (g.status(s) == failed && g.end(s) <= nowUs) {
                    failures[g.pipeline(s)]++;
                }
            }
        }
        return new String[] {names.get(argMax(failures)), names.get(argMax(runs))};
    }

    private static int argMax(int[] counts) {
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return best;
    }
}
