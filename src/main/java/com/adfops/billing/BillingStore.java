package com.adfops.billing;

import com.adfops.adf.FactoryRef;
import com.adfops.state.JsonDocuments;
import com.adfops.state.StateKeys;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ledger's summaries in the state store: one document per factory and UTC hour of the runs' last change
 * ({@code billing/<factory>/<yyyy-MM-ddTHH>}: run id -> {@link BilledRun}), merged on write (another instance may add
 * to the same hour), deleted when the hour leaves the horizon. A run's summary never changes, so a merge never loses
 * one. An hour keeps each write small (the current hour's document is written every half minute on a busy factory);
 * a start reads one document per hour of the horizon, in the background.
 */
public final class BillingStore {

    /** One hour's summaries of one factory. */
    public record Hour(Map<String, BilledRun> runs) {
        public Hour {
            runs = runs == null ? Map.of() : runs;
        }
    }

    private final JsonDocuments docs;

    public BillingStore(JsonDocuments docs) {
        this.docs = docs;
    }

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);

    /** The UTC hour a summary is filed under. */
    static Instant hourOf(BilledRun b) {
        return b.at().truncatedTo(ChronoUnit.HOURS);
    }

    /**
     * Every summary of {@code factory} filed from the hour of {@code since} on (run id -> summary); older hours'
     * documents are deleted.
     */
    public Map<String, BilledRun> load(FactoryRef factory, Instant since) {
        Instant first = since.truncatedTo(ChronoUnit.HOURS);
        Map<String, BilledRun> out = new HashMap<>();
        for (String key : docs.keys(folder(factory))) {
            Instant hour = hour(key);
            if (hour == null) {
                continue;
            }
            if (hour.isBefore(first)) {
                docs.delete(key);
                continue;
            }
            docs.get(key, Hour.class).ifPresent(d -> out.putAll(d.runs()));
        }
        return out;
    }

    /** Deletes the documents of {@code factory} of the hours before the hour of {@code since}. */
    public void forgetBefore(FactoryRef factory, Instant since) {
        Instant first = since.truncatedTo(ChronoUnit.HOURS);
        for (String key : docs.keys(folder(factory))) {
            Instant hour = hour(key);
            if (hour != null && hour.isBefore(first)) {
                docs.delete(key);
            }
        }
    }

    /** Adds summaries (run id -> summary) of {@code factory}, each to its hour's document. */
    public void save(FactoryRef factory, Map<String, BilledRun> runs) {
        Map<Instant, Map<String, BilledRun>> byHour = new LinkedHashMap<>();
        runs.forEach((id, b) -> byHour.computeIfAbsent(hourOf(b), k -> new LinkedHashMap<>()).put(id, b));
        byHour.forEach((hour, added) -> docs.update(folder(factory) + "/" + HOUR.format(hour), Hour.class, d -> {
            Map<String, BilledRun> all = new LinkedHashMap<>(d == null ? Map.of() : d.runs());
            all.putAll(added);
            return new Hour(all);
        }));
    }

    private static String folder(FactoryRef f) {
        return StateKeys.of("billing", f.subscriptionId() + "/" + f.resourceGroup() + "/" + f.factoryName());
    }

    private static Instant hour(String key) {
        try {
            return java.time.LocalDateTime.parse(key.substring(key.lastIndexOf('/') + 1) + ":00")
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
