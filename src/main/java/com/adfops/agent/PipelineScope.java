package com.adfops.agent;

import com.adfops.runs.AdfTools;
import com.adfops.runs.ErrorText;
import com.adfops.runs.NameMatcher;
import com.adfops.adf.PipelineRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a list is narrowed to, from the words of a question ({@link Intent.FailingList#scope()}): a factory by its name,
 * the pipelines a pattern matches ({@code Finance-*}), one pipeline by its name, the group of pipelines whose names
 * have every word ("sales" in "what broke in the sales pipelines?"), or a factory by its words ("prod" for
 * {@code df-prod-eu}). Nothing is guessed: words that fit nothing say so.
 */
public sealed interface PipelineScope {

    /** Every pipeline (no words, or words that name nothing). */
    record All() implements PipelineScope {
    }

    /** One configured factory. */
    record Factory(String name) implements PipelineScope {
    }

    /** The pipelines {@code asked} names. */
    record Pipelines(String asked, List<String> names) implements PipelineScope {
    }

    /** Words that name no pipeline and no factory. */
    record NoMatch(String asked) implements PipelineScope {
    }

    /** What {@code scope} (the user's words; null for none) narrows a list to, given the factories' names. */
    static PipelineScope of(String scope, List<String> pipelines, List<String> factories) {
        if (scope == null || scope.isBlank()) {
            return new All();
        }
        String s = scope.trim();
        for (String f : factories) {
            if (f.equalsIgnoreCase(s)) {
                return new Factory(f);
            }
        }
        if (s.contains("*") || s.contains("?")) {
            List<String> hits = AdfTools.resolve(s, pipelines, new ArrayList<>());
            return hits.isEmpty() ? new NoMatch(s) : new Pipelines(s, hits);
        }
        String normalized = NameMatcher.normalize(s);
        for (String p : pipelines) {
            if (NameMatcher.normalize(p).equals(normalized)) {
                return new Pipelines(s, List.of(p));
            }
        }
        // The very words first ("prod" is df-prod-eu's word, and only the start of dim_product_load's), then
        // prefixes and small typos ("salse").
        for (boolean exactly : new boolean[] {true, false}) {
            List<String> group = NameMatcher.having(s, pipelines, exactly);
            if (!group.isEmpty()) {
                return new Pipelines(s, group);
            }
            List<String> byWords = NameMatcher.having(s, factories, exactly);
            if (byWords.size() == 1) {
                return new Factory(byWords.get(0));
            }
        }
        NameMatcher.Match one = NameMatcher.match(s, pipelines);
        if (one.name().isPresent()) {
            return new Pipelines(s, List.of(one.name().get()));
        }
        return new NoMatch(s);
    }

    /** The factory to read ({@code asked} unless this scope names one). */
    default String factory(String asked) {
        return this instanceof Factory f ? f.name() : asked;
    }

    /** The runs of {@code result} within this scope (and their count, freshness and window as they were). */
    default AdfTools.RunsResult filter(AdfTools.RunsResult result) {
        if (!(this instanceof Pipelines)) {
            return result;
        }
        return new AdfTools.RunsResult(result.window(), result.factories(), result.pipelines(),
                result.runs().stream().filter(includes()).toList(), result.unknownPipeline(), result.closest(),
                result.freshness());
    }

    /** Whether a run is within this scope. */
    default java.util.function.Predicate<PipelineRun> includes() {
        if (this instanceof Pipelines p) {
            Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            names.addAll(p.names());
            return run -> names.contains(run.pipelineName());
        }
        return run -> !(this instanceof Factory f) || f.name().equalsIgnoreCase(run.factory().factoryName());
    }

    /** What the user is told about the narrowing, or null when the card says it all. */
    default String note() {
        if (this instanceof Pipelines p) {
            int n = p.names().size();
            String shown = String.join(", ", p.names().subList(0, Math.min(5, n)).stream()
                    .map(OfflineAgent::bold).toList()) + (n > 5 ? " and " + (n - 5) + " more" : "");
            return n == 1 && NameMatcher.normalize(p.asked()).equals(NameMatcher.normalize(p.names().get(0)))
                    ? "Only " + shown + "."
                    : "Only the " + n + (n == 1 ? " pipeline" : " pipelines") + " matching “" + OfflineAgent.safe(p.asked())
                            + "”: " + shown + ".";
        }
        if (this instanceof NoMatch m) {
            return "No pipeline or factory here has “" + ErrorText.truncate(OfflineAgent.safe(m.asked()), 60)
                    + "” in its name, so this is every failure.";
        }
        return null;
    }
}
