package com.adfops.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the bot keeps its state (conversation context, references, escalations, installations).
 *
 * @param store           {@code file} (default), {@code memory}, or {@code blob} ({@code ADFOPS_STATE_STORE})
 * @param dir             the data directory of the file store ({@code ADFOPS_DATA_DIR}, default {@code ./data})
 * @param blobEndpoint    blob store: the account's blob endpoint, used with the managed identity
 *                        ({@code ADFOPS_STATE_BLOBENDPOINT}, e.g. {@code https://acct.blob.core.windows.net})
 * @param blobConnectionString blob store: a connection string instead (Azurite, local tests)
 *                        ({@code ADFOPS_STATE_BLOBCONNECTIONSTRING})
 * @param blobContainer   blob store: the container ({@code ADFOPS_STATE_BLOBCONTAINER})
 * @param blobTimeout     blob store: timeout of each storage call, retries included ({@code ADFOPS_STATE_BLOBTIMEOUT})
 */
@ConfigurationProperties(prefix = "adfops.state")
public record StateProperties(
        @DefaultValue("file") String store,
        @DefaultValue("./data") Path dir,
        String blobEndpoint,
        String blobConnectionString,
        @DefaultValue("adfops-state") String blobContainer,
        @DefaultValue("10s") Duration blobTimeout) {
}
