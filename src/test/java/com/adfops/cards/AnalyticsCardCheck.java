package com.adfops.cards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an analytics card as a person would and checks that it does not contradict itself: what it says in words
 * against what it lists, tables and charts. Works on the expanded card (what Teams gets), for any card: the durations
 * card (one pipeline or the slowest), the trends card, a status or failing list with a run going long, and any other
 * card that lists runs against their usual duration.
 *
 * <ul>
 *   <li><b>No reassurance beside slow runs.</b> When the card lists a run at 2x or more its usual, or charts a day at 2x
 *       or more the usual it states, its headline says nothing reassuring ("as fast", "no change", "about the same",
 *       "not slower", "as usual", "steady", ...) and speaks of slow runs; in the table of the slowest, the row of a
 *       pipeline with such a run does not say "steady".</li>
 *   <li><b>No reassurance beside a changed median.</b> When the headline states a recent median at 1.25x the usual or
 *       more (or 0.8x or less), as a ratio or as two durations, it says nothing reassuring; nor does a table row whose
 *       trend states such a ratio.</li>
 *   <li><b>The same numbers.</b> The usual the headline states is the usual of every listed run and the chart's usual
 *       line; its ratio is its recent median over that usual; its "up to 3.9x" is the list's slowest; its count of slow
 *       runs is at least what the list shows; a pipeline the headline calls slower has that ratio in its table row.</li>
 *   <li><b>Running long</b> lines: the usual range lies under the p95, the ratio is the running time over the p95, and
 *       the run is past it.</li>
 *   <li><b>Trends</b>: the finished runs are the succeeded plus the failed; the per-day (or per-week) rows add up to
 *       the totals; no pipeline has more failures than the total.</li>
 * </ul>
 * Figures are compared at the precision the card shows them (ratios to 0.1, durations to the second or minute).
 */
public final class AnalyticsCardCheck {

    /** Words that tell the reader all is well with durations. */
    public static final List<String> REASSURING = List.of("as fast", "no change", "about the same", "not slower",
            "as usual", "unchanged", "steady", "no slowdown", "none was slow", "no run was slow");

    /** What a check found: its violations, and which rules had something to check (a check that saw nothing proves nothing). */
    public record Result(List<String> violations, Set<String> applied) {
    }

    private static final String DUR = "(\\d+h \\d+m|\\d+m \\d+s|\\d+s)";
    private static final Pattern LISTED = Pattern.compile("(?:🐌 (.+?) run \\S+: )?" + DUR + ", ([0-9.]+)x its usual " + DUR);
    private static final Pattern HEAD_USUAL = Pattern.compile("the usual " + DUR);
    private static final Pattern HEAD_RATIO = Pattern.compile("took a median of " + DUR + ", ([0-9.]+)x the usual " + DUR);
    private static final Pattern HEAD_AGAINST = Pattern.compile("took a median of " + DUR + " against the usual " + DUR);
    private static final Pattern CELL_RATIO = Pattern.compile("([0-9]+\\.[0-9])x");
    /** A median changed this much (or its inverse) is a change, whatever the test says. */
    static final double CHANGED = 1.25;
    private static final Pattern HEAD_UP_TO = Pattern.compile("(\\d+) slow runs?, (?:up to ([0-9.]+)x|not a trend)");
    private static final Pattern HEAD_SLOWEST = Pattern.compile("the slowest took ([0-9.]+)x");
    private static final Pattern HEAD_PIPELINE = Pattern.compile("([^,:]+?) \\(([0-9.]+)x its usual " + DUR + "\\)");
    private static final Pattern HEAD_RUNS_SLOW = Pattern.compile("(\\d+) runs? (?:were|was) slow \\(up to ([0-9.]+)x");
    private static final Pattern LONG = Pattern.compile("usually " + DUR + "–" + DUR + ", p95 " + DUR
            + " \\(its last (\\d+) successful runs, over [^)]*\\); running " + DUR + ", ([0-9.]+)x the p95");
    private static final Pattern TREND_TOTAL = Pattern.compile("(\\d+) finished: (\\d+) succeeded, (\\d+) failed");
    private static final Pattern TREND_ROW = Pattern.compile(": (\\d+) runs, (\\d+) failed");
    private static final Pattern TREND_FAILING = Pattern.compile("❌ .+: (\\d+) failures?");
    private static final Pattern ROW_RATIO = Pattern.compile("([0-9.]+)x slower");
    private static final double SHOWN = 0.051;

    private AnalyticsCardCheck() {
    }

    /** Checks one expanded card. */
    public static Result check(JsonNode card) {
        Card c = new Card();
        c.read(card.path("body"), null);
        List<String> out = new ArrayList<>();
        Set<String> applied = new LinkedHashSet<>();

        // What is listed: each slow run, its ratio and usual (and pipeline on the card of several).
        List<Listed> listed = new ArrayList<>();
        List<String> headline = new ArrayList<>();
        for (Text t : c.texts) {
            Matcher m = LISTED.matcher(t.text());
            boolean isList = false;
            while (m.find()) {
                listed.add(new Listed(m.group(1), seconds(m.group(2)), Double.parseDouble(m.group(3)), seconds(m.group(4))));
                isList = true;
            }
            boolean isHead = "verdict".equals(t.id()) || (c.hasVerdict ? false : !isList && !LONG.matcher(t.text()).find());
            if (isHead) {
                headline.add(t.text());
            }
        }
        for (Listed l : listed) {
            applied.add("listed ratio");
            if (l.usual() > 0 && Math.abs((double) l.seconds() / l.usual() - l.ratio()) > SHOWN + 0.02) {
                out.add("listed run of " + l.seconds() + " s says " + l.ratio() + "x its usual " + l.usual() + " s");
            }
        }
        String head = String.join(" ", headline);
        String headLower = head.toLowerCase(Locale.ROOT);
        Long usual = null;
        Matcher hu = HEAD_USUAL.matcher(head);
        if (hu.find()) {
            usual = seconds(hu.group(1));
        }
        List<Double> chartUsual = c.series.getOrDefault("Usual", List.of());
        if (usual == null && !chartUsual.isEmpty()) {
            usual = Math.round(chartUsual.get(0) * 60);
        }

        // No reassurance beside slow runs.
        double worstListed = listed.stream().mapToDouble(Listed::ratio).max().orElse(0);
        double worstCharted = 0;
        if (usual != null && usual > 0) {
            for (Map.Entry<String, List<Double>> s : c.series.entrySet()) {
                if (!s.getKey().equals("Usual")) {
                    for (double minutes : s.getValue()) {
                        worstCharted = Math.max(worstCharted, minutes * 60 / usual);
                    }
                }
            }
        }
        if (worstListed >= 2 || worstCharted >= 2) {
            applied.add("no reassurance beside slow runs");
            for (String phrase : REASSURING) {
                if (headLower.contains(phrase)) {
                    out.add(String.format(Locale.ENGLISH, "says \"%s\" beside a run at %.1fx its usual: %s", phrase,
                            Math.max(worstListed, worstCharted), head));
                }
            }
            if (!head.isBlank() && !headLower.contains("slow")) {
                out.add("does not mention slow runs beside a run at 2x its usual: " + head);
            }
        }
        for (List<String> row : c.tableRows) {
            String pipeline = row.get(0);
            String trend = row.get(row.size() - 1).toLowerCase(Locale.ROOT);
            double worst = listed.stream().filter(l -> pipeline.equals(l.pipeline())).mapToDouble(Listed::ratio).max().orElse(0);
            if (worst >= 2) {
                applied.add("table row beside slow runs");
                for (String phrase : REASSURING) {
                    if (trend.contains(phrase)) {
                        out.add("the row of " + pipeline + " says \"" + phrase + "\" beside its run at " + worst + "x");
                    }
                }
            }
        }

        // No reassurance beside a changed median: the ratio as stated, or the two durations the headline compares.
        Double stated = null;
        Matcher sr = HEAD_RATIO.matcher(head);
        Matcher sa = HEAD_AGAINST.matcher(head);
        if (sr.find()) {
            stated = Double.valueOf(sr.group(2));
        } else if (sa.find() && seconds(sa.group(2)) > 0) {
            stated = (double) seconds(sa.group(1)) / seconds(sa.group(2));
        }
        if (stated != null && changed(stated)) {
            applied.add("no reassurance beside a changed median");
            for (String phrase : REASSURING) {
                if (headLower.contains(phrase)) {
                    out.add(String.format(Locale.ENGLISH, "says \"%s\" beside a median at %.1fx the usual: %s", phrase,
                            stated, head));
                }
            }
        }
        for (List<String> row : c.tableRows) {
            String trend = row.get(row.size() - 1).toLowerCase(Locale.ROOT);
            Matcher cr = CELL_RATIO.matcher(trend);
            if (cr.find() && changed(Double.parseDouble(cr.group(1)))) {
                applied.add("no reassurance beside a changed median");
                for (String phrase : REASSURING) {
                    if (trend.contains(phrase)) {
                        out.add("the row of " + row.get(0) + " says \"" + phrase + "\" beside " + cr.group() + ": " + trend);
                    }
                }
            }
        }

        // The same numbers: the headline's usual is the list's and the chart's.
        if (usual != null && c.tableRows.isEmpty()) {
            for (Listed l : listed) {
                applied.add("the list's usual is the headline's");
                if (l.usual() != usual) {
                    out.add("the headline's usual is " + usual + " s, a listed run's " + l.usual() + " s");
                }
            }
            for (double u : chartUsual) {
                applied.add("the chart's usual is the headline's");
                if (Math.abs(u - usual / 60.0) > 0.051) {
                    out.add("the chart's usual line is at " + u + " min, the headline's usual " + usual + " s");
                }
            }
        }
        Matcher hr = HEAD_RATIO.matcher(head);
        if (hr.find()) {
            applied.add("the headline's ratio");
            double ratio = Double.parseDouble(hr.group(2));
            double shown = (double) seconds(hr.group(1)) / seconds(hr.group(3));
            if (Math.abs(shown - ratio) > SHOWN + 0.03) {
                out.add("the headline says " + ratio + "x for a median of " + hr.group(1) + " against " + hr.group(3));
            }
        }
        Matcher up = HEAD_UP_TO.matcher(head);
        Matcher slowest = HEAD_SLOWEST.matcher(head);
        Matcher runsSlow = HEAD_RUNS_SLOW.matcher(head);
        if (up.find()) {
            applied.add("the headline's slow runs");
            int n = Integer.parseInt(up.group(1));
            if (n < listed.size()) {
                out.add("the headline counts " + n + " slow runs, the list shows " + listed.size());
            }
            Double r = up.group(2) != null ? Double.valueOf(up.group(2)) : slowest.find() ? Double.valueOf(slowest.group(1)) : null;
            if (r != null && Math.abs(r - worstListed) > 0.001) {
                out.add("the headline's slowest is " + r + "x, the list's " + worstListed + "x");
            }
            if (listed.isEmpty()) {
                out.add("the headline counts slow runs the card does not list");
            }
        }
        if (runsSlow.find()) {
            applied.add("the headline's slow runs");
            if (Integer.parseInt(runsSlow.group(1)) < listed.size()
                    || Math.abs(Double.parseDouble(runsSlow.group(2)) - worstListed) > 0.001) {
                out.add("the headline's slow runs (" + runsSlow.group() + ") are not the list's (" + listed.size() + ", up to "
                        + worstListed + "x)");
            }
        }
        if (!c.tableRows.isEmpty() && head.contains("Getting slower:")) {
            Matcher hp = HEAD_PIPELINE.matcher(head.substring(head.indexOf("Getting slower:") + 15));
            while (hp.find()) {
                applied.add("the headline's pipelines are the table's");
                String pipeline = hp.group(1).trim();
                double r = Double.parseDouble(hp.group(2));
                long u = seconds(hp.group(3));
                List<String> row = c.tableRows.stream().filter(x -> x.get(0).equals(pipeline)).findFirst().orElse(null);
                Matcher rr = row == null ? null : ROW_RATIO.matcher(row.get(row.size() - 1));
                if (rr == null || !rr.find() || Math.abs(Double.parseDouble(rr.group(1)) - r) > 0.001) {
                    out.add("the headline calls " + pipeline + " " + r + "x slower; its row says " + row);
                }
                listed.stream().filter(l -> pipeline.equals(l.pipeline()) && l.usual() != u).forEach(l ->
                        out.add("the headline's usual for " + pipeline + " is " + u + " s, a listed run's " + l.usual() + " s"));
            }
        }

        // Running long.
        for (Text t : c.texts) {
            Matcher m = LONG.matcher(t.text());
            while (m.find()) {
                applied.add("running long");
                long low = seconds(m.group(1));
                long high = seconds(m.group(2));
                long p95 = seconds(m.group(3));
                int runs = Integer.parseInt(m.group(4));
                long running = seconds(m.group(5));
                double ratio = Double.parseDouble(m.group(6));
                if (low > high || high > p95) {
                    out.add("running long: the usual range is not under the p95: " + m.group());
                }
                if (runs < 8) {
                    out.add("running long against fewer than 8 runs: " + m.group());
                }
                if (Math.abs((double) running / p95 - ratio) > SHOWN + 0.02 || running < p95) {
                    out.add("running long: " + m.group(5) + " is not " + ratio + "x the p95 " + m.group(3));
                }
            }
        }

        // Trends.
        String runsFact = c.texts.stream().map(Text::text).filter(t -> t.startsWith("Runs: ")).findFirst()
                .orElse(c.facts.get("Runs"));
        if (runsFact != null) {
            Matcher tm = TREND_TOTAL.matcher(runsFact);
            if (tm.find()) {
                applied.add("trend totals");
                int finished = Integer.parseInt(tm.group(1));
                int succeeded = Integer.parseInt(tm.group(2));
                int failed = Integer.parseInt(tm.group(3));
                if (succeeded + failed != finished) {
                    out.add("trends: " + runsFact);
                }
                int rowsFinished = 0;
                int rowsFailed = 0;
                int rows = 0;
                for (Text t : c.texts) {
                    Matcher rm = TREND_ROW.matcher(t.text());
                    if (rm.find()) {
                        rows++;
                        rowsFinished += Integer.parseInt(rm.group(1));
                        rowsFailed += Integer.parseInt(rm.group(2));
                    }
                }
                if (rows > 0 && (rowsFinished != finished || rowsFailed != failed)) {
                    out.add("trends: the rows add up to " + rowsFinished + " runs, " + rowsFailed + " failed; the totals say "
                            + runsFact);
                }
                int most = 0;
                for (Text t : c.texts) {
                    Matcher fm = TREND_FAILING.matcher(t.text());
                    if (fm.find()) {
                        int n = Integer.parseInt(fm.group(1));
                        most += n;
                        if (n > failed) {
                            out.add("trends: a pipeline with " + n + " failures of " + failed);
                        }
                    }
                }
                if (most > failed) {
                    out.add("trends: the most failing pipelines add up to " + most + " failures of " + failed);
                }
            }
        }
        return new Result(out, applied);
    }

    /** Whether a ratio of the recent median to the usual, as shown (to 0.1), is a change. */
    static boolean changed(double ratio) {
        return ratio >= CHANGED - 1e-9 || (ratio > 0 && ratio <= 1 / CHANGED + 1e-9);
    }

    private record Text(String text, String id) {
    }

    private record Listed(String pipeline, long seconds, double ratio, long usual) {
    }

    /** What a card shows, read once. */
    private static final class Card {
        final List<Text> texts = new ArrayList<>();
        final Map<String, String> facts = new LinkedHashMap<>();
        final Map<String, List<Double>> series = new LinkedHashMap<>();
        final List<List<String>> tableRows = new ArrayList<>();
        boolean hasVerdict;

        void read(JsonNode n, String id) {
            if (n.isArray()) {
                n.forEach(x -> read(x, id));
                return;
            }
            if (!n.isObject()) {
                return;
            }
            String here = n.hasNonNull("id") ? n.get("id").asText() : id;
            String type = n.path("type").asText();
            if ("verdict".equals(here)) {
                hasVerdict = true;
            }
            if (type.equals("RichTextBlock")) {
                // One line as the reader sees it ("Runs: " and its value).
                StringBuilder sb = new StringBuilder();
                n.path("inlines").forEach(i -> sb.append(i.isTextual() ? i.asText() : i.path("text").asText()));
                texts.add(new Text(sb.toString(), here));
                return;
            }
            if (type.equals("TextBlock") && n.has("text")) {
                texts.add(new Text(n.get("text").asText(), here));
            }
            if (type.equals("FactSet")) {
                n.path("facts").forEach(f -> facts.put(f.path("title").asText().replace(":", "").trim(),
                        f.path("value").asText()));
            }
            if (type.startsWith("Chart.")) {
                n.path("data").forEach(s -> {
                    List<Double> ys = new ArrayList<>();
                    s.path("values").forEach(v -> ys.add(v.path("y").asDouble()));
                    series.put(s.path("legend").asText(), ys);
                });
                read(n.path("fallback"), here);
                return;
            }
            if (type.equals("Table")) {
                boolean header = n.path("firstRowAsHeader").asBoolean(false);
                for (JsonNode row : n.path("rows")) {
                    if (header) {
                        header = false;
                        continue;
                    }
                    List<String> cells = new ArrayList<>();
                    row.path("cells").forEach(cell -> {
                        StringBuilder sb = new StringBuilder();
                        // A cell's text: a TextBlock's, or a RichTextBlock's runs (names are shown literally).
                        cell.path("items").forEach(i -> {
                            sb.append(i.path("text").asText());
                            i.path("inlines").forEach(r -> sb.append(r.path("text").asText()));
                        });
                        cells.add(sb.toString());
                    });
                    tableRows.add(cells);
                }
                return;
            }
            n.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("text")) {
                    read(e.getValue(), here);
                }
            });
        }
    }

    /** "45s", "12m 5s", "2h 3m" in seconds. */
    static long seconds(String d) {
        Matcher m = Pattern.compile("(?:(\\d+)h )?(?:(\\d+)m)?(?: ?(\\d+)s)?").matcher(d.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(d);
        }
        long h = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long min = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
        long s = m.group(3) == null ? 0 : Long.parseLong(m.group(3));
        return h * 3600 + min * 60 + s;
    }
}
