package com.adfops.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The run index: the bot's shared memory of pipeline runs.
 *
 * @param enabled           answer from the index ({@code ADFOPS_INDEX_ENABLED}); false reads Data Factory per question
 * @param horizon           how far back the index holds runs ({@code ADFOPS_INDEX_HORIZON}, at most ADF's 45 days);
 *                          questions beyond it read Data Factory directly. Twice the default window of a question
 *                          (7 days), so a window and the period before it (week over week) come from memory
 *                          without a Data Factory read
 * @param refresh           how often the index asks for runs updated since its last read ({@code ADFOPS_INDEX_REFRESH})
 * @param overlap           how far each refresh reaches back before the last read, for late writes
 *                          ({@code ADFOPS_INDEX_OVERLAP})
 * @param activityCacheSize finished runs whose activity runs are kept ({@code ADFOPS_INDEX_ACTIVITYCACHESIZE})
 * @param activeTtl         how long activity runs of a run still in progress are reused ({@code ADFOPS_INDEX_ACTIVETTL})
 */
@ConfigurationProperties(prefix = "adfops.index")
public record IndexProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("14d") Duration horizon,
        @DefaultValue("30s") Duration refresh,
        @DefaultValue("5m") Duration overlap,
        @DefaultValue("5000") int activityCacheSize,
        @DefaultValue("15s") Duration activeTtl) {
}
