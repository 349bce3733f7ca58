package com.adfops.actions;

import com.adfops.answers.AuditRecord;
import com.adfops.answers.AuditTrail;
import com.adfops.state.JsonDocuments;
import com.adfops.state.StateKeys;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The audit log: every action taken from a card and every resolution note, appended to one document per UTC day
 * (read-modify-write with ETags, so concurrent appends from several instances all land). Reads cover at most ADF's
 * 45-day retention.
 */
public final class AuditLog implements AuditTrail {

    /** The longest span read at once. */
    static final Duration MAX_SPAN = Duration.ofDays(46);
    /** Entries kept per day; past it the oldest go (a day of incidents is far below this). */
    static final int MAX_PER_DAY = 5000;

    /** One day's entries. */
    public record Day(List<AuditRecord> entries) {
        public Day {
            entries = entries == null ? List.of() : List.copyOf(entries);
        }
    }

    private final JsonDocuments docs;

    public AuditLog(JsonDocuments docs) {
        this.docs = docs;
    }

    private static String key(LocalDate day) {
        return StateKeys.of("audit", day.toString());
    }

    public void append(AuditRecord entry) {
        LocalDate day = LocalDate.ofInstant(entry.at(), ZoneOffset.UTC);
        docs.update(key(day), Day.class, d -> {
            List<AuditRecord> all = new ArrayList<>(d == null ? List.of() : d.entries());
            all.add(entry);
            while (all.size() > MAX_PER_DAY) {
                all.remove(0);
            }
            return new Day(all);
        });
    }

    @Override
    public List<AuditRecord> between(Instant from, Instant to) {
        Instant start = from.isBefore(to.minus(MAX_SPAN)) ? to.minus(MAX_SPAN) : from;
        List<AuditRecord> out = new ArrayList<>();
        for (LocalDate d = LocalDate.ofInstant(start, ZoneOffset.UTC); !d.isAfter(LocalDate.ofInstant(to, ZoneOffset.UTC));
             d = d.plusDays(1)) {
            docs.get(key(d), Day.class).ifPresent(day -> day.entries().stream()
                    .filter(e -> !e.at().isBefore(from) && e.at().isBefore(to)).forEach(out::add));
        }
        out.sort(Comparator.comparing(AuditRecord::at));
        return out;
    }
}
