package com.adfops.adf;

import java.time.Duration;
import java.util.List;

/**
 * Where a Copy activity run's time went, as its output says ({@code output.executionDetails[].profile},
 * {@code detailedDurations}, {@code usedDataIntegrationUnits}, ...), with ADF's own tuning tips
 * ({@code output.perfRecommendation[]}); for an Execute Data Flow activity, the cluster's start-up time
 * ({@code output.runStatus.computeAcquisitionDuration}). Parsed leniently: every field ADF did not give is null. When an
 * output holds several execution details (a staged copy), their durations and throttling errors are summed.
 *
 * @param queue            waiting for the integration runtime
 * @param timeToFirstByte  from the copy's start to the source's first byte
 * @param transfer         the transfer, reading and writing overlapping
 * @param reading          working time reading from the source
 * @param writing          working time writing to the sink
 * @param diu              data integration units used
 * @param parallelCopies   parallel copies used
 * @param throttlingErrors the sink's throttling errors (writes the sink refused for now)
 * @param sourceType       the source's connector type ("AmazonS3", "SqlServer", ...)
 * @param sinkType         the sink's connector type ("AzureBlobFS", "AzureSqlDatabase", ...)
 * @param rowsCopied       rows copied
 * @param dataRead         bytes read
 * @param dataWritten      bytes written
 * @param throughput       KB per second
 * @param clusterStartup   for a data flow, the time its Spark cluster took to start
 * @param tips             ADF's tips, at most {@link #MAX_TIPS}; their text is ADF's: data, shown literally
 */
public record CopyProfile(Duration queue, Duration timeToFirstByte, Duration transfer, Duration reading,
                          Duration writing, Integer diu, Integer parallelCopies, Integer throttlingErrors,
                          String sourceType, String sinkType, Long rowsCopied, Long dataRead, Long dataWritten,
                          Double throughput, Duration clusterStartup, List<Tip> tips) {

    /** Most tips kept per activity run (memory: the run index keeps activity runs). */
    public static final int MAX_TIPS = 3;
    /** Longest tip text kept. */
    public static final int MAX_TIP = 400;

    public CopyProfile {
        tips = tips == null ? List.of() : List.copyOf(tips.subList(0, Math.min(MAX_TIPS, tips.size())));
    }

    /**
     * One of ADF's tuning tips ({@code perfRecommendation[]}).
     *
     * @param rule ADF's rule name ({@code RuleName}, e.g. "ReduceThrottlingErrorPerfRecommendationRule"), may be ""
     * @param text the tip ({@code Tip}), at most {@link #MAX_TIP} characters
     * @param url  its link ({@code ReferUrl}) when it is an https URL, else ""
     */
    public record Tip(String rule, String text, String url) {

        public Tip {
            rule = rule == null ? "" : rule;
            text = text == null ? "" : text.length() > MAX_TIP ? text.substring(0, MAX_TIP - 1) + "…" : text;
            url = url == null ? "" : url;
        }
    }
}
