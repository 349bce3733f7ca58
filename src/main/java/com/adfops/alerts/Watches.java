package com.adfops.alerts;

import com.adfops.answers.Watchlist;
import com.adfops.state.JsonDocuments;
import com.adfops.state.StateKeys;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * What each conversation watches, in the state store (one document per conversation, and the list of conversations
 * that watch something), so every instance and every restart sees the same subscriptions.
 */
public final class Watches implements Watchlist {

    /** Most subscriptions one conversation keeps. */
    static final int MAX = 100;

    /** One conversation's subscriptions. */
    public record Subscriptions(List<Watch> watches) {
        public Subscriptions {
            watches = watches == null ? List.of() : List.copyOf(watches);
        }
    }

    /** The conversations that watch something. */
    public record Watchers(List<String> conversations) {
        public Watchers {
            conversations = conversations == null ? List.of() : List.copyOf(conversations);
        }
    }

    private final JsonDocuments docs;

    public Watches(JsonDocuments docs) {
        this.docs = docs;
    }

    private static String key(String conversationId) {
        return StateKeys.of("alerts", "watches/" + conversationId);
    }

    private static final String WATCHERS = StateKeys.of("alerts", "watchers");

    @Override
    public List<Watch> watching(String conversationId) {
        return docs.get(key(conversationId), Subscriptions.class).map(Subscriptions::watches).orElse(List.of());
    }

    @Override
    public List<Watch> watch(String conversationId, Watch watch) {
        Subscriptions after = docs.update(key(conversationId), Subscriptions.class, s -> {
            List<Watch> all = new ArrayList<>(s == null ? List.of() : s.watches());
            boolean known = all.stream().anyMatch(w -> w.pattern().equalsIgnoreCase(watch.pattern())
                    && same(w.factory(), watch.factory()));
            if (!known && all.size() < MAX) {
                all.add(watch);
            }
            return new Subscriptions(all);
        });
        docs.update(WATCHERS, Watchers.class, w -> {
            LinkedHashSet<String> ids = new LinkedHashSet<>(w == null ? List.of() : w.conversations());
            ids.add(conversationId);
            return new Watchers(new ArrayList<>(ids));
        });
        return after.watches();
    }

    @Override
    public List<Watch> unwatch(String conversationId, String pattern) {
        boolean all = pattern.equals("*") || pattern.equalsIgnoreCase("all");
        if (watching(conversationId).isEmpty()) {
            return List.of();
        }
        Subscriptions after = docs.update(key(conversationId), Subscriptions.class, s -> new Subscriptions(
                (s == null ? List.<Watch>of() : s.watches()).stream()
                        .filter(w -> !all && !w.pattern().equalsIgnoreCase(pattern)).toList()));
        if (after.watches().isEmpty()) {
            docs.update(WATCHERS, Watchers.class, w -> new Watchers((w == null ? List.<String>of() : w.conversations())
                    .stream().filter(c -> !c.equals(conversationId)).toList()));
        }
        return after.watches();
    }

    /** The conversations that watch something. */
    public List<String> watchers() {
        return docs.get(WATCHERS, Watchers.class).map(Watchers::conversations).orElse(List.of());
    }

    /** Whether a conversation's subscriptions cover a pipeline of a factory. */
    static boolean covers(List<Watch> watches, String factory, String pipeline) {
        return watchedSince(watches, factory, pipeline).isPresent();
    }

    /**
     * Since when a pipeline of a factory is watched (the earliest subscription that covers it), or empty when it is
     * not: a run that ended before is history, not an alert.
     */
    static java.util.Optional<java.time.Instant> watchedSince(List<Watch> watches, String factory, String pipeline) {
        java.time.Instant since = null;
        boolean covered = false;
        for (Watch w : watches) {
            if ((w.factory() == null || w.factory().equalsIgnoreCase(factory)) && matches(w.pattern(), pipeline)) {
                covered = true;
                java.time.Instant at = w.at() == null ? java.time.Instant.EPOCH : w.at();
                since = since == null || at.isBefore(since) ? at : since;
            }
        }
        return covered ? java.util.Optional.of(since) : java.util.Optional.empty();
    }

    /** A pattern with {@code *} (any characters), case-insensitive; without one, the name itself. */
    static boolean matches(String pattern, String name) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String n = name.toLowerCase(Locale.ROOT);
        if (!p.contains("*")) {
            return p.equals(n);
        }
        String[] parts = p.split("\\*", -1);
        int at = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == 0) {
                if (!n.startsWith(part)) {
                    return false;
                }
                at = part.length();
            } else if (i == parts.length - 1) {
                return n.length() - part.length() >= at && n.endsWith(part);
            } else {
                int found = n.indexOf(part, at);
                if (found < 0) {
                    return false;
                }
                at = found + part.length();
            }
        }
        return true;
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equalsIgnoreCase(b == null ? "" : b);
    }
}
