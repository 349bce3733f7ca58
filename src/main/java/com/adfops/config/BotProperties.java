package com.adfops.config;

import org.springframework.core.env.PropertyResolver;

/**
 * The bot's Bot Framework identity, under the names Azure Bot Service and the Bot Framework SDKs use (so an App
 * Service configured for any Bot Framework bot works unchanged). The only place these are read.
 *
 * @param appId          {@code MicrosoftAppId}: the bot's app (or managed identity client) id; empty = no Bot
 *                       Framework authentication (local development only)
 * @param appPassword    {@code MicrosoftAppPassword}: the app's client secret (single-tenant or multi-tenant app)
 * @param appTenantId    {@code MicrosoftAppTenantId}: the app's tenant (single-tenant app or managed identity)
 * @param appType        {@code MicrosoftAppType}: {@code MultiTenant}, {@code SingleTenant} or {@code UserAssignedMSI}
 * @param channelService {@code ChannelService}: the government cloud's channel service, if any
 * @param openIdMetadata {@code BotOpenIdMetadata}: where the Bot Connector's signing keys are described (tests point
 *                       it at a fake); empty = Bot Framework's own
 * @param listenAddress  {@code server.address}: the address the bot listens on (empty = all interfaces)
 */
public record BotProperties(String appId, String appPassword, String appTenantId, String appType,
                            String channelService, String openIdMetadata, String listenAddress) {

    public BotProperties {
        appId = trim(appId);
        appPassword = appPassword == null ? "" : appPassword;
        appTenantId = trim(appTenantId);
        appType = trim(appType);
        channelService = trim(channelService);
        openIdMetadata = trim(openIdMetadata);
        listenAddress = trim(listenAddress);
    }

    /** Read from the environment (also before the application context exists, as the listen-address guard does). */
    public static BotProperties from(PropertyResolver env) {
        return new BotProperties(env.getProperty("MicrosoftAppId", ""), env.getProperty("MicrosoftAppPassword", ""),
                env.getProperty("MicrosoftAppTenantId", ""), env.getProperty("MicrosoftAppType", ""),
                env.getProperty("ChannelService", ""), env.getProperty("BotOpenIdMetadata", ""),
                env.getProperty("server.address", ""));
    }

    /** Whether Bot Framework authentication is on (an app id is set). */
    public boolean authenticated() {
        return !appId.isEmpty();
    }

    /** The value botbuilder asks for by its own key ("" for a key it does not know). */
    public String byKey(String key) {
        return switch (key == null ? "" : key) {
            case "MicrosoftAppId" -> appId;
            case "MicrosoftAppPassword" -> appPassword;
            case "MicrosoftAppTenantId" -> appTenantId;
            case "MicrosoftAppType" -> appType;
            case "ChannelService" -> channelService;
            case "BotOpenIdMetadata" -> openIdMetadata;
            default -> "";
        };
    }

    @Override
    public String toString() {
        return "BotProperties[appId=" + appId + ", appPassword=" + (appPassword.isEmpty() ? "" : "***") + ", appTenantId="
                + appTenantId + ", appType=" + appType + ", channelService=" + channelService + ", openIdMetadata="
                + openIdMetadata + ", listenAddress=" + listenAddress + "]";
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
