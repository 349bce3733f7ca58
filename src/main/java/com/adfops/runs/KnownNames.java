package com.adfops.runs;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the parser may know of the factories: their pipeline and factory names, read only when a question needs them
 * (a typo to correct, words that may name a pipeline) and at most once per question. Names that cannot be read are
 * simply not known: the question is then read from its words alone.
 */
public final class KnownNames {

    /** Nothing known: the parser reads words only. */
    public static final KnownNames NONE = of(List.of(), List.of());

    private final Supplier<List<String>> pipelinesSource;
    private final Supplier<List<String>> factoriesSource;
    private List<String> pipelines;
    private List<String> factories;
    private Set<String> words;

    private KnownNames(Supplier<List<String>> pipelines, Supplier<List<String>> factories) {
        this.pipelinesSource = pipelines;
        this.factoriesSource = factories;
    }

    public static KnownNames of(List<String> pipelines, List<String> factories) {
        return new KnownNames(() -> pipelines, () -> factories);
    }

    /** Names read on first use; a source that fails counts as no names. */
    public static KnownNames lazy(Supplier<List<String>> pipelines, Supplier<List<String>> factories) {
        return new KnownNames(pipelines, factories);
    }

    public synchronized List<String> pipelines() {
        if (pipelines == null) {
            pipelines = read(pipelinesSource);
        }
        return pipelines;
    }

    public synchronized List<String> factories() {
        if (factories == null) {
            factories = read(factoriesSource);
        }
        return factories;
    }

    /** Every word of every pipeline name, lower case ({@link NameMatcher#words}): words never taken for typos. */
    public synchronized Set<String> pipelineWords() {
        if (words == null) {
            Set<String> w = new HashSet<>();
            for (String n : pipelines()) {
                w.addAll(NameMatcher.words(n));
                w.add(n.toLowerCase(Locale.ROOT));
            }
            for (String f : factories()) {
                w.addAll(NameMatcher.words(f));
                w.add(f.toLowerCase(Locale.ROOT));
            }
            words = w;
        }
        return words;
    }

    /** The configured factory called {@code name} (any case), or null. */
    public String factory(String name) {
        if (name == null) {
            return null;
        }
        for (String f : factories()) {
            if (f.equalsIgnoreCase(name.trim())) {
                return f;
            }
        }
        return null;
    }

    private static List<String> read(Supplier<List<String>> source) {
        try {
            List<String> l = source.get();
            return l == null ? List.of() : List.copyOf(l);
        } catch (RuntimeException e) {
            // The answer will say what is wrong with the factory; the question is read from its words meanwhile.
            return List.of();
        }
    }
}
