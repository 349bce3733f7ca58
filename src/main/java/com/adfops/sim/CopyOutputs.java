package com.adfops.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a simulated Copy activity's output says of where its time went, as ADF writes it ({@code executionDetails} with
 * its profile and detailed durations, DIU, parallel copies, throughput), and for a sink that throttled writes, ADF's tip
 * ({@code perfRecommendation}). Derived from the copy's length alone (no random draws: the rest of a dataset stays as
 * generated).
 */
final class CopyOutputs {

    /** ADF's rule for a throttling sink. */
    static final String THROTTLING_RULE = "ReduceThrottlingErrorPerfRecommendationRule";
    /** The link ADF gives with it. */
    static final String THROTTLING_URL = "https://go.microsoft.com/fwlink/?linkid=2102534";

    private CopyOutputs() {
    }

    /** A copy of {@code seconds} that went as usual: queue, first byte, reading 70 % and writing 60 % of the transfer. */
    static void profile(ObjectNode output, String linked, long seconds) {
        profile(output, linked, seconds, selfHosted(linked));
    }

    /** As {@link #profile(ObjectNode, String, long)}, on a self-hosted runtime (it queues longer) or an Azure one. */
    static void profile(ObjectNode output, String linked, long seconds, boolean selfHosted) {
        long queue = Math.min(selfHosted ? 6 : 2, Math.max(0, seconds / 4));
        long transfer = Math.max(1, seconds - queue);
        write(output, linked, seconds, queue, Math.max(1, transfer / 20), transfer, transfer * 7 / 10, transfer * 6 / 10, 0);
    }

    /**
     * A copy of {@code seconds} whose sink throttled {@code errors} writes: it read and reached its first byte as a copy
     * of {@code usualSeconds} does, and spent the rest writing; ADF's tip says so.
     */
    static void throttled(ObjectNode output, String linked, long seconds, long usualSeconds, int errors, String store) {
        long queue = Math.min(queue(linked), Math.max(0, seconds / 4));
        long usualTransfer = Math.max(1, usualSeconds - queue);
        long transfer = Math.max(1, seconds - queue);
        write(output, linked, seconds, queue, Math.max(1, usualTransfer / 20), transfer, usualTransfer * 7 / 10,
                Math.max(1, transfer - 10), errors);
        output.putArray("perfRecommendation").addObject()
                .put("Tip", errors + " write operations were throttled by the sink data store. To achieve better "
                        + "performance, you are suggested to check and increase the allowed request rate for " + store
                        + ", or reduce the number of concurrent copy runs and other data access, or reduce the DIU or "
                        + "parallel copy.")
                .put("ReferUrl", THROTTLING_URL + " ")
                .put("RuleName", THROTTLING_RULE);
    }

    private static void write(ObjectNode output, String linked, long seconds, long queue, long firstByte, long transfer,
                              long reading, long writing, int throttled) {
        boolean selfHosted = selfHosted(linked);
        int parallel = selfHosted ? 1 : 4;
        long bytes = output.path("dataRead").asLong(0);
        output.put("dataWritten", bytes);
        output.put("throughput", Math.round(bytes / 1024.0 / transfer * 1000) / 1000.0);
        if (!selfHosted) {
            output.put("usedDataIntegrationUnits", 4);
        }
        output.put("usedParallelCopies", parallel);
        ObjectNode e = output.putArray("executionDetails").addObject();
        String source = source(linked);
        e.putObject("source").put("type", source);
        ObjectNode sink = e.putObject("sink").put("type", "AzureBlobFS").put("region", "West Europe");
        if (throttled > 0) {
            sink.put("throttlingErrors", throttled);
        }
        e.put("status", "Succeeded");
        e.put("duration", seconds);
        if (!selfHosted) {
            e.put("usedDataIntegrationUnits", 4);
        }
        e.put("usedParallelCopies", parallel);
        ObjectNode profile = e.putObject("profile");
        profile.putObject("queue").put("status", "Completed").put("duration", queue);
        ObjectNode details = profile.putObject("transfer").put("status", "Completed").put("duration", transfer)
                .putObject("details");
        details.putObject("readingFromSource").put("type", source).put("workingDuration", reading);
        details.putObject("writingToSink").put("type", "AzureBlobFS").put("workingDuration", writing);
        e.putObject("detailedDurations").put("queuingDuration", queue).put("timeToFirstByte", firstByte)
                .put("transferDuration", transfer);
    }

    private static long queue(String linked) {
        return selfHosted(linked) ? 6 : 2;
    }

    private static boolean selfHosted(String linked) {
        return linked != null && linked.contains("onprem");
    }

    /** The source's connector type, from the linked service's name. */
    private static String source(String linked) {
        String l = linked == null ? "" : linked;
        return l.contains("sqlserver") ? "SqlServer" : l.contains("sql") ? "AzureSqlDatabase"
                : l.contains("adls") ? "AzureBlobFS" : "AzureBlobStorage";
    }
}
