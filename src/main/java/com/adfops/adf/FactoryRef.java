package com.adfops.adf;

import java.util.Objects;

/** Identifies one Data Factory: the subscription, resource group and factory name. */
public record FactoryRef(String subscriptionId, String resourceGroup, String factoryName) {

    public FactoryRef {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(resourceGroup, "resourceGroup");
        Objects.requireNonNull(factoryName, "factoryName");
    }

    /** The factory's Azure resource id. */
    public String resourceId() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.DataFactory/factories/" + factoryName;
    }

    /** The run in ADF Studio's Monitor hub (the page ADF's own alerts link to). */
    public String studioRunUrl(String runId) {
        return "https://adf.azure.com/en/monitoring/pipelineruns/"
                + java.net.URLEncoder.encode(runId, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")
                + "?factory=" + java.net.URLEncoder.encode(resourceId(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    @Override
    public String toString() {
        return factoryName;
    }
}
