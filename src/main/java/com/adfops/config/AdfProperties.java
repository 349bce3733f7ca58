package com.adfops.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which Data Factories the bot reads. With none configured, the embedded simulated factory is used.
 *
 * @param factories      factories as a list: {@code ADFOPS_ADF_FACTORIES_0_SUBSCRIPTIONID},
 *                       {@code ..._RESOURCEGROUP}, {@code ..._NAME} (index 0, 1, ...)
 * @param subscriptionId shortcut for one resource group: the subscription ({@code AZURE_SUBSCRIPTION_ID})
 * @param resourceGroup  shortcut: the resource group ({@code ADF_RESOURCE_GROUP})
 * @param factoryName    shortcut: one or more factory names, comma-separated ({@code ADF_FACTORY_NAME})
 * @param timeout        timeout of each call to Azure Resource Manager
 * @param cloud          the Azure cloud of the factories ({@code ADFOPS_ADF_CLOUD}): {@code AzureCloud},
 *                       {@code AzureChinaCloud} or {@code AzureUSGovernment}; picks the ARM endpoint and authority
 * @param readBudget     the bot's reads per subscription ({@code ADFOPS_ADF_READBUDGET}): {@code RATE} or
 *                       {@code RATE,BURST} reads per second and bucket depth (default 20,200), or {@code off}
 */
@ConfigurationProperties(prefix = "adfops.adf")
public record AdfProperties(
        List<Factory> factories,
        String subscriptionId,
        String resourceGroup,
        String factoryName,
        @DefaultValue("30s") Duration timeout,
        @DefaultValue("AzureCloud") String cloud,
        @DefaultValue("20,200") String readBudget) {

    /** One factory. */
    public record Factory(String subscriptionId, String resourceGroup, String name) {
    }

    public AdfProperties {
        factories = factories == null ? List.of() : List.copyOf(factories);
    }

    /** The read budget each subscription gets (fails at start on a malformed setting). */
    public com.adfops.adf.ReadBudget.Settings readBudgetSettings() {
        return com.adfops.adf.ReadBudget.Settings.parse(readBudget);
    }

    /** Every configured factory: the list, then the shortcut's names. */
    public List<Factory> allFactories() {
        List<Factory> all = new ArrayList<>();
        for (Factory f : factories) {
            if (notBlank(f.subscriptionId()) && notBlank(f.resourceGroup()) && notBlank(f.name())) {
                all.add(f);
            } else {
                throw new IllegalStateException("adfops.adf.factories entries need subscriptionId, resourceGroup and name");
            }
        }
        if (notBlank(factoryName)) {
            if (!notBlank(subscriptionId) || !notBlank(resourceGroup)) {
                throw new IllegalStateException(
                        "ADF_FACTORY_NAME is set: set AZURE_SUBSCRIPTION_ID and ADF_RESOURCE_GROUP too");
            }
            for (String n : factoryName.split(",")) {
                if (!n.isBlank()) {
                    all.add(new Factory(subscriptionId.trim(), resourceGroup.trim(), n.trim()));
                }
            }
        }
        return all;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
