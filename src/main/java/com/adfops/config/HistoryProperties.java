package com.adfops.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Long histories from Data Factory's own logs in a Log Analytics workspace (the factories' diagnostic settings send
 * PipelineRuns and ActivityRuns there, resource-specific tables).
 *
 * @param workspaceId the workspace ID, a GUID ({@code ADFOPS_HISTORY_WORKSPACEID}); unset = no archive: questions
 *                    reach back as far as ADF keeps runs (45 days). With the embedded simulated factory, any value
 *                    reads the simulated factory's logs
 * @param retention   how far back the workspace keeps the logs, so how far back questions may reach
 *                    ({@code ADFOPS_HISTORY_RETENTION})
 * @param pageRows    most rows one query returns before its window is split in two ({@code ADFOPS_HISTORY_PAGEROWS})
 * @param timeout     timeout of each query ({@code ADFOPS_HISTORY_TIMEOUT})
 */
@ConfigurationProperties(prefix = "adfops.history")
public record HistoryProperties(
        String workspaceId,
        @DefaultValue("90d") Duration retention,
        @DefaultValue("10000") int pageRows,
        @DefaultValue("60s") Duration timeout) {

    public boolean enabled() {
        return workspaceId != null && !workspaceId.isBlank();
    }
}
