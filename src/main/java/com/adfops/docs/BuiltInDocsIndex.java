package com.adfops.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A small offline index of Microsoft Learn pages for the common ADF error codes and how-to topics
 * ({@code resources/docs/builtin-index.json}): what the bot shows when Microsoft Learn cannot be reached.
 * Scored by shared words, with error codes weighing most.
 */
public final class BuiltInDocsIndex implements DocsSearch {

    private record Entry(DocResult doc, Set<String> codes, Set<String> words, Set<String> topics) {
    }

    private static final Set<String> STOP = Set.of("the", "a", "an", "of", "to", "in", "on", "for", "and", "or",
            "is", "are", "what", "does", "do", "how", "i", "my", "it", "error", "azure", "data", "factory", "adf",
            "with", "from", "can", "by", "be", "this", "that", "mean", "means", "code", "failed", "fail", "failure");

    private final List<Entry> entries = new ArrayList<>();

    public BuiltInDocsIndex(ObjectMapper json) {
        try (InputStream in = BuiltInDocsIndex.class.getResourceAsStream("/docs/builtin-index.json")) {
            if (in == null) {
                throw new IllegalStateException("docs/builtin-index.json is missing");
            }
            for (JsonNode e : json.readTree(in).get("entries")) {
                Set<String> codes = new HashSet<>();
                e.path("codes").forEach(c -> codes.add(c.asText().toLowerCase(Locale.ROOT)));
                Set<String> words = words(e.path("keywords").asText() + " " + e.path("title").asText());
                Set<String> topics = new HashSet<>();
                e.path("topics").forEach(t -> topics.add(t.asText()));
                entries.add(new Entry(new DocResult(e.get("title").asText(), e.get("url").asText(),
                        e.get("excerpt").asText()), codes, words, topics));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return entries.size();
    }

    @Override
    public String sourceName() {
        return "built-in docs index";
    }

    @Override
    public List<DocResult> search(String query, int max) {
        return search(query, "", max);
    }

    /**
     * Pages for a query. With a {@code topic} (a {@link DocTopic}, from the error table) that tags some pages, only those
     * pages: the one tagged with it alone (the most specific) before broader ones; a page about another activity or
     * connector is off-topic, and fewer links are better than that. Without one, the pages sharing the most words.
     */
    public List<DocResult> search(String query, String topic, int max) {
        Set<String> q = words(query);
        record Scored(Entry e, double score) {
        }
        boolean onTopicOnly = topic != null && !topic.isEmpty() && entries.stream().anyMatch(e -> e.topics().contains(topic));
        List<Scored> scored = new ArrayList<>();
        for (Entry e : entries) {
            if (onTopicOnly && !e.topics().contains(topic)) {
                continue;
            }
            double s = 0;
            if (topic != null && !topic.isEmpty() && e.topics().contains(topic)) {
                s += 100 - e.topics().size();
            }
            for (String w : q) {
                if (e.codes().contains(w)) {
                    s += 10;
                } else if (e.words().contains(w)) {
                    s += 1;
                }
            }
            if (s >= 2) {
                scored.add(new Scored(e, s));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        return scored.stream().limit(max).map(x -> x.e().doc()).toList();
    }

    /**
     * Results (from another source) without the pages this index files only under other topics than {@code topic}: a
     * Blob Storage guide for a SQL login failure. A page filed under several topics (the orchestration guide covers
     * Web, Functions and Databricks) is kept for each; pages the index does not know are kept; without a topic, all are.
     */
    public List<DocResult> onTopic(List<DocResult> results, String topic) {
        if (topic == null || topic.isEmpty()) {
            return results;
        }
        return results.stream().filter(r -> {
            List<Entry> filed = entries.stream().filter(e -> page(e.doc().url()).equals(page(r.url()))).toList();
            return filed.isEmpty() || filed.stream().anyMatch(e -> e.topics().contains(topic));
        }).toList();
    }

    /** A Learn page's name: the last part of its path, without locale, query or fragment. */
    private static String page(String url) {
        String u = url == null ? "" : url.replaceFirst("[?#].*$", "").replaceFirst("/+$", "");
        return u.substring(u.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }

    static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (w.length() > 1 && !STOP.contains(w)) {
                out.add(w);
                if (w.endsWith("s") && w.length() > 3) {
                    out.add(w.substring(0, w.length() - 1));
                }
            }
        }
        return out;
    }
}
