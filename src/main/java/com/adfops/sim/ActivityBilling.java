package com.adfops.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What an activity run bills, as ADF writes it in the run's output: for the built-in dataset and generated factories.
 */
final class ActivityBilling {

    private ActivityBilling() {
    }

    /**
     * ADF's {@code output.billingReference}: Copy bills data movement (4 DIUs here), compute outside ADF bills external
     * activity hours, the rest pipeline activity hours; durations rounded up to whole minutes, as ADF does. A generated
     * factory has no linked service definitions: a linked service named "onprem" is on a self-hosted runtime.
     */
    static void bill(ObjectNode a, String type, String linked, Integer seconds) {
        bill(a, type, linked != null && linked.contains("onprem"), seconds);
    }

    /** As {@link #bill(ObjectNode, String, String, Integer)}, on a self-hosted runtime or an Azure one. */
    static void bill(ObjectNode a, String type, boolean selfHosted, Integer seconds) {
        if (seconds == null) {
            return;
        }
        String billed;
        switch (type) {
            case "Copy" -> billed = "DataMovement";
            case "DatabricksNotebook", "SqlServerStoredProcedure", "WebActivity", "AzureFunctionActivity" -> billed = "ExternalActivity";
            case "Lookup", "SetVariable", "GetMetadata", "Delete", "Wait" -> billed = "PipelineActivity";
            default -> {
                return;
            }
        }
        double hours = Math.ceil(seconds / 60.0) / 60.0;
        ObjectNode ref = ((ObjectNode) a.get("output")).putObject("billingReference");
        ref.put("activityType", billed);
        ObjectNode d = ref.putArray("billableDuration").addObject();
        d.put("meterType", selfHosted ? "SelfhostedIR" : "AzureIR");
        d.put("duration", billed.equals("DataMovement") ? hours * 4 : hours);
        d.put("unit", billed.equals("DataMovement") ? "DIUHours" : "Hours");
    }
}
