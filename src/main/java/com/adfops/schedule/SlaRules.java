package com.adfops.schedule;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SLAs: those of the setting ({@code ADFOPS_SLA}: {@code Nightly*=06:00 Europe/Berlin; Copy GL to Lake=07:30},
 * entries split by {@code ;}, each {@code pattern=deadline}) and those a pipeline carries as an annotation
 * ({@code sla:06:00 Europe/Berlin}, {@code sla:+2h}). A deadline is {@code HH:mm} with an optional zone (an IANA id
 * or a Windows name; UTC by default) or {@code +} a time ({@code +2h}, {@code +90m}, {@code +1h30m}).
 * A pipeline's SLA is its annotation's, else the setting's entry naming it exactly, else the first entry whose pattern
 * covers it, in the order written.
 *
 * @param rules    the setting's rules, in the order written
 * @param rejected the setting's entries that could not be read, as written (the configuration reports them)
 */
public record SlaRules(List<SlaRule> rules, List<String> rejected) {

    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(?:\\s+(.+))?");
    private static final Pattern WITHIN = Pattern.compile("\\+\\s*(?:(\\d+)\\s*h)?\\s*(?:(\\d+)\\s*m(?:in)?)?",
            Pattern.CASE_INSENSITIVE);
    private static final String ANNOTATION = "sla:";

    public SlaRules {
        rules = List.copyOf(rules);
        rejected = List.copyOf(rejected);
    }

    /** No SLA from the setting (annotations still count). */
    public static SlaRules none() {
        return new SlaRules(List.of(), List.of());
    }

    /** The setting's rules; null or blank is none. */
    public static SlaRules parse(String setting) {
        List<SlaRule> rules = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        if (setting == null) {
            return none();
        }
        for (String entry : setting.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.lastIndexOf('=');
            Optional<SlaRule> rule = eq <= 0 || entry.substring(0, eq).isBlank() ? Optional.empty()
                    : deadline(entry.substring(0, eq).trim(), entry.substring(eq + 1), SlaRule.Source.SETTING);
            if (rule.isPresent()) {
                rules.add(rule.get());
            } else {
                rejected.add(entry.trim());
            }
        }
        return new SlaRules(rules, rejected);
    }

    /** The SLA of {@code pipeline}, whose annotations are {@code annotations}. */
    public Optional<SlaRule> ruleFor(String pipeline, List<String> annotations) {
        for (String a : annotations == null ? List.<String>of() : annotations) {
            Optional<SlaRule> r = annotation(pipeline, a);
            if (r.isPresent()) {
                return r;
            }
        }
        Optional<SlaRule> exact = rules.stream().filter(r -> r.exact() && r.matches(pipeline)).findFirst();
        return exact.isPresent() ? exact : rules.stream().filter(r -> r.matches(pipeline)).findFirst();
    }

    /** The SLA an annotation states ({@code sla:06:00 Europe/Berlin}, {@code sla:+2h}), if it is one. */
    public static Optional<SlaRule> annotation(String pipeline, String annotation) {
        if (annotation == null || !annotation.trim().toLowerCase(Locale.ROOT).startsWith(ANNOTATION)) {
            return Optional.empty();
        }
        return deadline(pipeline, annotation.trim().substring(ANNOTATION.length()), SlaRule.Source.ANNOTATION);
    }

    private static Optional<SlaRule> deadline(String pattern, String text, SlaRule.Source source) {
        String t = text.trim();
        Matcher within = WITHIN.matcher(t);
        if (within.matches() && (within.group(1) != null || within.group(2) != null)) {
            Duration d = Duration.ofHours(within.group(1) == null ? 0 : Long.parseLong(within.group(1)))
                    .plusMinutes(within.group(2) == null ? 0 : Long.parseLong(within.group(2)));
            return d.isZero() ? Optional.empty() : Optional.of(new SlaRule(pattern, null, null, d, source));
        }
        Matcher time = TIME.matcher(t);
        if (!time.matches()) {
            return Optional.empty();
        }
        int h = Integer.parseInt(time.group(1));
        int m = Integer.parseInt(time.group(2));
        if (h > 23 || m > 59) {
            return Optional.empty();
        }
        ZoneId zone = ZoneOffset.UTC;
        if (time.group(3) != null) {
            TimeZones.ResolvedZone z = TimeZones.resolve(time.group(3));
            if (!z.known()) {
                return Optional.empty();
            }
            zone = z.zone();
        }
        return Optional.of(new SlaRule(pattern, LocalTime.of(h, m), zone, null, source));
    }
}
