package com.adfops.agent;

import static com.adfops.agent.IntentWords.*;
import com.adfops.answers.ActionKind;
import com.adfops.runs.KnownNames;
import com.adfops.runs.TimeWindow;
import com.adfops.runs.TimeWindowParser;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A question as the rules read it: its text in several forms, its factory, window and name. */
final class ReadQuestion {
    /** As typed, without Teams mentions and extra spaces. */
    final String raw;
    /** Lower case, politeness removed, command words' typos corrected, a found name replaced by {@link #NAME}. */
    final String t;
    /** As typed without trailing punctuation (watch commands keep the user's case). */
    final String plain;
    /** A name in quotes, or the pipeline a run of words names; null when neither. */
    final String quoted;
    final String factory;
    final String withoutFactory;
    final TimeWindow window;
    final KnownNames known;

    ReadQuestion(String raw, String t, String quoted, KnownNames known, Instant now, ZoneId zone, Duration history) {
        this.raw = raw;
        this.t = t;
        this.plain = raw.trim().replaceAll("[?!.]+$", "").replaceAll("\\s+", " ").trim();
        this.quoted = quoted;
        this.known = known;
        this.factory = IntentParser.factory(t, known);
        this.withoutFactory = factory == null ? t : IntentParser.removeFactory(t, factory);
        this.window = TimeWindowParser.find(withoutFactory, now, zone, history).orElse(null);
    }

    /** The words naming what the question is about, or "" / a pronoun. */
    String target() {
        return quoted != null ? quoted : IntentParser.target(withoutFactory);
    }

    boolean pronoun() {
        return quoted == null && PRONOUNS.contains(target());
    }

    /** A name found or quoted, else the words left ({@code rest}), or null for none. */
    String named(String rest) {
        return quoted != null ? quoted : rest.isEmpty() || PRONOUNS.contains(rest) ? null : rest;
    }

    /** As {@link #named}, a group's words ("the sales pipelines") as a pattern: {@code *sales*}. */
    String scope(String rest) {
        String n = named(rest);
        return n != null && quoted == null && GROUP.matcher(withoutFactory).find() ? IntentParser.groupPattern(n) : n;
    }

    /** What a failing list is narrowed to: a name, a pattern, a group's or a factory's words; null for all. */
    String listScope() {
        String s = target();
        return s.isEmpty() || PRONOUNS.contains(s) ? null : s;
    }

    /** Several pipelines named by shared words: "the sales pipelines". */
    boolean group() {
        return quoted == null && GROUP.matcher(withoutFactory).find() && !pronoun();
    }

    /** The words keyword rules read: no identifiers ("cost_sync"), no group nouns ("the billing pipelines"). */
    String keywords() {
        return GROUP_NOUN.matcher(IntentParser.withoutIdentifiers(t)).replaceAll(" ").trim();
    }

    boolean failing() {
        return FAILING.matcher(t).find();
    }

    boolean list() {
        return LIST.matcher(t).find() && LIST_OBJECT.matcher(t).find() && !t.matches(".*\\bwhy\\b.*");
    }

    boolean whyFailed() {
        return WHY.matcher(t).find() && failing();
    }

    /** The question without its window, factory, politeness around a yes/no and trailing "again"/"now". */
    String bare() {
        String s = TimeWindowParser.strip(withoutFactory).replaceAll("[?!.,]+$", "").trim();
        s = ASK_IF.matcher(s).replaceFirst("");
        return ASK_AFTER.matcher(s).replaceFirst("").trim();
    }

    /** The yes/no form this question has (group 1 is its subject), or null. */
    Matcher yesNo() {
        YesNoForm f = yesNoForm();
        if (f == null) {
            return null;
        }
        Matcher m = f.form().matcher(bare());
        return m.matches() ? m : null;
    }

    Intent.Question yesNoQuestion() {
        YesNoForm f = yesNoForm();
        return f == null ? null : f.question();
    }

    private YesNoForm yesNoForm() {
        String s = bare();
        boolean askedIf = ASK_IF.matcher(TimeWindowParser.strip(withoutFactory)).find();
        for (YesNoForm f : askedIf ? YES_NO_AFTER_IF : YES_NO) {
            if (f.form().matcher(s).matches()) {
                return f;
            }
        }
        return null;
    }
}
