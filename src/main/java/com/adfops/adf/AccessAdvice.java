package com.adfops.adf;

/** What to do about a failure to read a factory, and whom to ask: shown on cards and in {@code /health}. */
public final class AccessAdvice {

    private AccessAdvice() {
    }

    public static String fix(DataFactoryException e) {
        String f = e.factory() == null ? "the factory" : "factory " + e.factory();
        return switch (e.kind()) {
            case AUTHENTICATION -> "The bot could not sign in to Azure. Ask the bot's owners to check its managed identity "
                    + "(or az login when running locally) and its tenant settings.";
            case PERMISSION -> "Ask an owner of " + f + " to give the bot's identity the ADF run reader role on it"
                    + (e.missingAction() == null ? "." : " (it lacks the action " + e.missingAction() + ").")
                    + " Role assignments can take a few minutes to apply.";
            case NOT_FOUND -> "Check the subscription, resource group and factory name in the bot's settings "
                    + "(ADF_FACTORY_NAME, ADF_RESOURCE_GROUP, AZURE_SUBSCRIPTION_ID).";
            case THROTTLED -> "Azure is throttling the bot's reads; it backs off and retries by itself.";
            case NETWORK -> "The bot cannot reach Azure Resource Manager: ask its owners to check the network path "
                    + "(proxy, firewall, private endpoints) and ADFOPS_ADF_CLOUD.";
            case SERVICE -> "Data Factory answered with an error; the bot retries by itself. Check Azure status if it lasts.";
        };
    }
}
