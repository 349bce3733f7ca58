package com.adfops.cards;

import com.adfops.adf.Freshness;
import com.adfops.cards.CardFactory.View;
import com.adfops.docs.DocResult;
import com.adfops.docs.Guidance;
import com.adfops.runs.ErrorText;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The formatting every card family shares: times in the user's zone (with the zone named), short run ids, facts
 * (with ADF Studio links), run statuses in words, how fresh an answer is, durations, and the Guidance section.
 */
final class CardText {

    /** The most rows of a list on one card. */
    static final int MAX_ROWS = 15;
    /** The most characters of an error message shown in full. */
    static final int MAX_MESSAGE = 1200;
    /** The most characters of an error's short human cause, shown first in a diagnosis. */
    static final int MAX_CAUSE = 300;

    private CardText() {
    }

    /** The Guidance section's data: title naming the source, up to three links with excerpts, or why there are none. */
    static void putGuidance(ObjectNode d, Guidance g) {
        ArrayNode items = d.putArray("guidance");
        if (g != null) {
            for (DocResult r : g.results().stream().limit(3).toList()) {
                // The one markdown field from outside: the title is escaped and the URL (https, *.microsoft.com only,
                // see docs) cannot close the link.
                items.addObject().put("link", "[" + ErrorText.escapeMarkdown(r.title()) + "]("
                                + r.url().replace(" ", "%20").replace("(", "%28").replace(")", "%29") + ")")
                        .put("excerpt", ErrorText.truncate(r.excerpt(), 280));
            }
        }
        boolean available = g != null && g.available();
        d.put("guidanceTitle", !available ? "Guidance"
                : g.source().equals("Microsoft Learn") ? "📘 Guidance from Microsoft Learn"
                : "📘 Guidance from the " + g.source() + " (offline copy of Microsoft Learn links)");
        d.put("guidanceNote", g == null ? "Guidance is unavailable right now."
                : !available ? "Guidance is unavailable right now. " + g.note()
                : g.note());
    }

    /** A run as a fact: shortened and linked to ADF Studio when its factory is known, else the whole id. */
    static void runFact(ArrayNode facts, String title, String runId, com.adfops.adf.FactoryRef factory) {
        if (factory == null || runId == null || runId.isBlank()) {
            fact(facts, title, runId);
            return;
        }
        facts.addObject().put("title", title).put("value", "").put("link", "run " + shortId(runId))
                .put("url", factory.studioRunUrl(runId));
    }

    static void fact(ArrayNode facts, String title, String value) {
        // "url" and "link" always present: a template's ${url != ''} must not meet an undefined value (the official
        // templating engine keeps the element then).
        facts.addObject().put("title", title).put("value", value == null || value.isBlank() ? "—" : value)
                .put("link", "").put("url", "");
    }

    /**
     * How current the answer is: " · as of 10:42:05 UTC", with the reason when the bot's memory could not refresh, or a
     * note that the window reached beyond it and Data Factory was read directly, and which part came from Data
     * Factory's logs in Log Analytics.
     */
    static String freshness(Freshness f, View v) {
        if (f == null || f.asOf() == null) {
            return "";
        }
        String at = clockTime(f.asOf(), v);
        if (f.allArchived()) {
            return " · from Data Factory's logs in Log Analytics, read at " + at;
        }
        String archived = f.archivedBefore() == null ? "" : "; before "
                + time(f.archivedBefore(), v)
                + " from its logs in Log Analytics";
        if (!f.fromMemory()) {
            return " · read from Data Factory at " + at + archived;
        }
        return " · as of " + at + (f.stale() ? " (not refreshed since: " + ErrorText.truncate(f.staleReason(), 160) + ")" : "")
                + archived + reach(f);
    }

    /** How far back the memory reaches, while it holds less than its horizon ("last 26 h loaded, older ... 62 %"). */
    static String reach(Freshness f) {
        Freshness.Reach r = f.reach();
        if (r == null || !r.partial() || r.loadedSince() == null) {
            return "";
        }
        long hours = Math.max(1, java.time.Duration.between(r.loadedSince(), f.asOf()).toHours());
        String span = hours < 48 ? hours + " h" : (hours / 24) + " days";
        return r.loading() ? "; last " + span + " loaded, older history loading: " + r.percent() + " %"
                : "; memory holds the last " + span + " (older runs are read from Data Factory)";
    }

    /** A run id as shown (the whole id is in the link and the buttons): its first 8 characters. */
    static String shortId(String runId) {
        return runId == null || runId.length() <= 12 ? String.valueOf(runId) : runId.substring(0, 8) + "…";
    }

    static String time(Instant t, View v) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("MMM d, HH:mm", Locale.ENGLISH).withZone(v.zone());
        return f.format(t) + " " + zoneName(v);
    }

    /** A time of day to the second with its zone ("10:42:05 UTC"): every time on a card says which zone it is in. */
    static String clockTime(Instant t, View v) {
        return DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH).withZone(v.zone()).format(t) + " " + zoneName(v);
    }

    static String zoneName(View v) {
        return v.zone().getId().equals("Z") ? "UTC" : v.zone().getId();
    }

    static String timeAgo(Instant t, View v) {
        Duration d = Duration.between(t, v.now());
        String ago;
        if (d.isNegative() || d.toMinutes() < 1) {
            ago = "just now";
        } else if (d.toHours() < 1) {
            ago = d.toMinutes() + " min ago";
        } else if (d.toDays() < 2) {
            ago = d.toHours() + " h ago";
        } else {
            ago = d.toDays() + " days ago";
        }
        return time(t, v) + " (" + ago + ")";
    }

    static String duration(Duration d) {
        return com.adfops.runs.DurationText.text(d);
    }
}
