package com.adfops.billing;

import com.adfops.adf.FactoryRef;
import com.adfops.state.JsonDocuments;
import com.adfops.state.StateKeys;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ledger's summaries in the state store: one document per factory and UTC day of the runs' last change
 * ({@code billing/<factory>/<yyyy-MM-dd>}: run id -> {@link BilledRun}), merged on write (another instance may add to
 * the same day), deleted when the day leaves the horizon. A run's summary never changes, so a merge never loses one.
 */
public final class BillingStore {

    /** One day's summaries of one factory. */
    public record Day(Map<String, BilledRun> runs) {
        public Day {
            runs = runs == null ? Map.of() : runs;
        }
    }

    private final JsonDocuments docs;

    public BillingStore(JsonDocuments docs) {
        this.docs = docs;
    }

    /** The UTC day a summary is filed under. */
    static LocalDate dayOf(BilledRun b) {
        return b.at().atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** Every summary of {@code factory} filed from {@code firstDay} on (run id -> summary); older days are deleted. */
    public Map<String, BilledRun> load(FactoryRef factory, LocalDate firstDay) {
        Map<String, BilledRun> out = new HashMap<>();
        for (String key : docs.keys(folder(factory))) {
            LocalDate day = day(key);
            if (day == null) {
                continue;
            }
            if (day.isBefore(firstDay)) {
                docs.delete(key);
                continue;
            }
            docs.get(key, Day.class).ifPresent(d -> out.putAll(d.runs()));
        }
        return out;
    }

    /** Adds summaries (run id -> summary) of {@code factory}, each to its day's document. */
    public void save(FactoryRef factory, Map<String, BilledRun> runs) {
        Map<LocalDate, Map<String, BilledRun>> byDay = new LinkedHashMap<>();
        runs.forEach((id, b) -> byDay.computeIfAbsent(dayOf(b), k -> new LinkedHashMap<>()).put(id, b));
        byDay.forEach((day, added) -> docs.update(folder(factory) + "/" + day, Day.class, d -> {
            Map<String, BilledRun> all = new LinkedHashMap<>(d == null ? Map.of() : d.runs());
            all.putAll(added);
            return new Day(all);
        }));
    }

    private static String folder(FactoryRef f) {
        return StateKeys.of("billing", f.subscriptionId() + "/" + f.resourceGroup() + "/" + f.factoryName());
    }

    private static LocalDate day(String key) {
        try {
            return LocalDate.parse(key.substring(key.lastIndexOf('/') + 1).replace(".json", ""));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
