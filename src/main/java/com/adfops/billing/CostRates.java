package com.adfops.billing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Prices per billed unit, in USD: the public list prices of Azure Data Factory (Azure IR and self-hosted IR) as the
 * defaults, overridable by a JSON file ({@code ADFOPS_COST_RATES}) since prices vary by region and agreement. Keys are
 * {@code orchestration} (per 1,000 activity runs) and {@code <activityType>/<meterType>} (per unit of
 * billingReference: DIU-hour, hour or vCore-hour), e.g. {@code "DataMovement/AzureIR": 0.25}; a key without a meter
 * ({@code "DataMovement"}) is the fallback for every meter.
 */
public final class CostRates {

    /** List prices (USD) as published for Azure IR and self-hosted IR. */
    public static final CostRates LIST_PRICES = new CostRates(Map.of(
            "orchestration", 1.0,
            "orchestration/selfhostedir", 1.5,
            "datamovement", 0.25,
            "datamovement/selfhostedir", 0.10,
            "pipelineactivity", 0.005,
            "pipelineactivity/selfhostedir", 0.002,
            "externalactivity", 0.00025,
            "externalactivity/selfhostedir", 0.0001,
            "executedataflow", 0.274), "list prices");

    private final Map<String, Double> rates;
    private final String source;

    private CostRates(Map<String, Double> rates, String source) {
        this.rates = Map.copyOf(rates);
        this.source = source;
    }

    /** The list prices with a file's entries on top; the message of the exception says what is wrong with the file. */
    public static CostRates load(Path file, ObjectMapper json) {
        Map<String, Double> all = new LinkedHashMap<>(LIST_PRICES.rates);
        try {
            JsonNode root = json.readTree(Files.readString(file));
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException("ADFOPS_COST_RATES: " + file + " must hold a JSON object of rates");
            }
            root.fields().forEachRemaining(e -> {
                if (!e.getValue().isNumber() || e.getValue().asDouble() < 0) {
                    throw new IllegalArgumentException("ADFOPS_COST_RATES: the rate of '" + e.getKey()
                            + "' must be a number of at least 0");
                }
                all.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asDouble());
            });
        } catch (IOException e) {
            throw new IllegalArgumentException("ADFOPS_COST_RATES: " + file + " could not be read as JSON", e);
        }
        return new CostRates(all, "the rates in " + file.getFileName());
    }

    /** The price of one unit of {@code activityType} on {@code meterType}. */
    public double rate(String activityType, String meterType) {
        String type = activityType == null ? "" : activityType.toLowerCase(Locale.ROOT);
        String meter = meterType == null ? "" : meterType.toLowerCase(Locale.ROOT);
        Double r = rates.get(type + "/" + meter);
        return r != null ? r : rates.getOrDefault(type, 0.0);
    }

    /** Where the rates come from ("list prices", "the rates in rates.json"). */
    public String source() {
        return source;
    }
}
