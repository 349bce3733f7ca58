package com.adfops.adf;

import java.util.Objects;

/** Identifies one Data Factory: the subscription, resource group and factory name. */
public record FactoryRef(String subscriptionId, String resourceGroup, String factoryName) {

    public FactoryRef {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(resourceGroup, "resourceGroup");
        Objects.requireNonNull(factoryName, "factoryName");
    }

    @Override
    public String toString() {
        return factoryName;
    }
}
