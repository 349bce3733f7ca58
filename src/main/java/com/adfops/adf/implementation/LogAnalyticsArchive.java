package com.adfops.adf.implementation;

import com.adfops.adf.ActivityRun;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.DataFactoryException.Kind;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunArchive;
import com.adfops.adf.RunQuery;
import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.ExponentialBackoff;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.util.Context;
import com.azure.core.util.HttpClientOptions;
import com.azure.identity.CredentialUnavailableException;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.monitor.query.LogsQueryClient;
import com.azure.monitor.query.LogsQueryClientBuilder;
import com.azure.monitor.query.models.LogsQueryOptions;
import com.azure.monitor.query.models.LogsQueryResult;
import com.azure.monitor.query.models.LogsQueryResultStatus;
import com.azure.monitor.query.models.LogsTableRow;
import com.azure.monitor.query.models.QueryTimeInterval;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Data Factory's runs from its own logs in a Log Analytics workspace (diagnostic settings, resource-specific tables
 * {@code ADFPipelineRun} and {@code ADFActivityRun}), through the logs query client. Each run logs a start record and
 * an end record; only end records (an ended status) are read, the latest per run id. A run's duration is End - Start.
 *
 * <p>The query API has no paging: a query keeps at most {@code pageRows} rows, and a window that fills it is split in
 * two and each half read again, newest first, until every run in the window is read (or the query's cap is met).
 * The query text is {@link LogAnalyticsKql}'s, the rows are read by {@link LogAnalyticsRows}.
 */
public final class LogAnalyticsArchive implements RunArchive {

    /** Logs arrive minutes after a run ends, and TimeGenerated follows End: the time range read around a window. */
    private static final Duration INGESTION_SLACK = Duration.ofDays(1);
    private static final Duration SMALLEST_SPLIT = Duration.ofSeconds(1);

    private final LogsQueryClient client;
    private final String workspaceId;
    private final Duration retention;
    private final int pageRows;
    private final Duration timeout;

    LogAnalyticsArchive(LogsQueryClient client, String workspaceId, Duration retention, int pageRows, Duration timeout) {
        this.client = client;
        this.workspaceId = workspaceId;
        this.retention = retention;
        this.pageRows = Math.max(2, pageRows);
        this.timeout = timeout;
    }

    /** The logs query endpoint of an Azure cloud (the public one, China, US Government). */
    static String endpoint(AzureEnvironment cloud) {
        if (cloud == AzureEnvironment.AZURE_CHINA) {
            return "https://api.loganalytics.azure.cn/v1";
        }
        if (cloud == AzureEnvironment.AZURE_US_GOVERNMENT) {
            return "https://api.loganalytics.us/v1";
        }
        return "https://api.loganalytics.io/v1";
    }

    /** Reads a workspace in {@code cloud} with {@code DefaultAzureCredential} (Log Analytics Reader on the workspace). */
    public static LogAnalyticsArchive forAzure(String workspaceId, Duration retention, AzureEnvironment cloud,
                                               Duration timeout, int pageRows) {
        TokenCredential credential = new DefaultAzureCredentialBuilder()
                .authorityHost(cloud.getActiveDirectoryEndpoint()).build();
        LogsQueryClient client = new LogsQueryClientBuilder()
                .endpoint(endpoint(cloud))
                .credential(credential)
                .httpClient(http(timeout))
                .buildClient();
        return new LogAnalyticsArchive(client, workspaceId, retention, pageRows, timeout);
    }

    /**
     * Reads a query API without authentication over plain HTTP: the embedded simulated workspace on loopback
     * ({@code endpoint} ends before {@code /workspaces}, e.g. {@code http://127.0.0.1:1234/v1}).
     */
    public static LogAnalyticsArchive forEndpoint(String endpoint, String workspaceId, Duration retention,
                                                  Duration timeout, int pageRows) {
        HttpPipeline pipeline = new HttpPipelineBuilder()
                .httpClient(http(timeout))
                .policies(new UserAgentPolicy("adfops-bot"),
                        new RetryPolicy(new ExponentialBackoff(2, Duration.ofMillis(20), Duration.ofMillis(200))))
                .build();
        LogsQueryClient client = new LogsQueryClientBuilder().endpoint(endpoint).pipeline(pipeline).buildClient();
        return new LogAnalyticsArchive(client, workspaceId, retention, pageRows, timeout);
    }

    private static HttpClient http(Duration timeout) {
        return HttpClient.createDefault(new HttpClientOptions()
                .setConnectTimeout(timeout)
                .setResponseTimeout(timeout)
                .setReadTimeout(timeout));
    }

    @Override
    public Duration retention() {
        return retention;
    }

    @Override
    public List<PipelineRun> pipelineRuns(List<FactoryRef> factories, RunQuery query) {
        if (factories.isEmpty()) {
            return List.of();
        }
        List<PipelineRun> out = new ArrayList<>();
        int cap = query.maxRuns() * factories.size();
        readWindow(factories, query, query.from(), query.to(), out, cap);
        out.sort(Comparator.comparing(PipelineRun::sortTime).reversed());
        return out.size() > cap ? List.copyOf(out.subList(0, cap)) : List.copyOf(out);
    }

    /** Reads [from, to); a window that fills a query is split in two, the newer half first. */
    private void readWindow(List<FactoryRef> factories, RunQuery query, Instant from, Instant to, List<PipelineRun> out,
                            int cap) {
        if (out.size() >= cap) {
            return;
        }
        Map<String, FactoryRef> byResource = new java.util.HashMap<>();
        for (FactoryRef f : factories) {
            byResource.put(LogAnalyticsKql.resourceId(f).toLowerCase(java.util.Locale.ROOT), f);
        }
        FactoryRef first = factories.get(0);
        String what = factories.size() == 1 ? "runs of " + first.factoryName() : "runs of " + factories.size() + " factories";
        List<LogsTableRow> rows = query(first, LogAnalyticsKql.pipelineRuns(byResource.values(), query, from, to, pageRows),
                from, to, what);
        Duration span = Duration.between(from, to);
        if (rows.size() >= pageRows && span.compareTo(SMALLEST_SPLIT) > 0) {
            Instant mid = from.plus(span.dividedBy(2));
            readWindow(factories, query, mid, to, out, cap);
            readWindow(factories, query, from, mid, out, cap);
            return;
        }
        for (LogsTableRow row : rows) {
            String id = LogAnalyticsRows.text(row, "_ResourceId");
            FactoryRef f = id == null ? (factories.size() == 1 ? first : null) : byResource.get(id.toLowerCase(java.util.Locale.ROOT));
            if (f != null) {
                out.add(LogAnalyticsRows.run(f, row));
            }
        }
    }

    @Override
    public List<ActivityRun> activityRuns(FactoryRef factory, PipelineRun run) {
        String kql = LogAnalyticsKql.activityRuns(factory, run.runId(), pageRows);
        Instant start = run.runStart() != null ? run.runStart() : run.sortTime();
        Instant end = run.runEnd() != null ? run.runEnd() : start.plus(Duration.ofDays(1));
        List<ActivityRun> out = new ArrayList<>();
        for (LogsTableRow row : query(factory, kql, start, end.plusSeconds(1), "activity runs of run " + run.runId())) {
            out.add(LogAnalyticsRows.activity(row));
        }
        out.sort(Comparator.comparing((ActivityRun a) -> a.start() == null ? Instant.MAX : a.start()));
        return List.copyOf(out);
    }

    @Override
    public Optional<PipelineRun> pipelineRun(FactoryRef factory, String runId, Instant from, Instant to) {
        String kql = LogAnalyticsKql.pipelineRun(factory, runId);
        List<LogsTableRow> rows = query(factory, kql, from, to, "run " + runId);
        return rows.isEmpty() ? Optional.empty() : Optional.of(LogAnalyticsRows.run(factory, rows.get(0)));
    }

    @Override
    public void probe() {
        Instant now = Instant.now();
        query(new FactoryRef("-", "-", "Log Analytics workspace"), LogAnalyticsKql.PROBE, now.minus(Duration.ofHours(1)),
                now, "the workspace");
    }

    private List<LogsTableRow> query(FactoryRef factory, String kql, Instant from, Instant to, String what) {
        QueryTimeInterval range = new QueryTimeInterval(
                OffsetDateTime.ofInstant(from.minus(INGESTION_SLACK), ZoneOffset.UTC),
                OffsetDateTime.ofInstant(to.plus(INGESTION_SLACK), ZoneOffset.UTC));
        try {
            LogsQueryResult result = client.queryWorkspaceWithResponse(workspaceId, kql, range,
                    new LogsQueryOptions().setServerTimeout(timeout), Context.NONE).getValue();
            if (result.getQueryResultStatus() == LogsQueryResultStatus.FAILURE || result.getTable() == null) {
                throw new DataFactoryException(Kind.SERVICE, factory.factoryName(),
                        "Log Analytics could not answer the query for " + what + code(result) + ".", null);
            }
            if (result.getQueryResultStatus() == LogsQueryResultStatus.PARTIAL_FAILURE) {
                // A partial answer would silently undercount: say so instead.
                throw new DataFactoryException(Kind.SERVICE, factory.factoryName(),
                        "Log Analytics answered only part of the query for " + what + code(result) + ".", null);
            }
            return result.getTable().getRows();
        } catch (DataFactoryException e) {
            throw e;
        } catch (RuntimeException e) {
            throw map(e, factory.factoryName(), what);
        }
    }

    private static String code(LogsQueryResult result) {
        String c = result.getError() == null ? null : result.getError().getCode();
        return c != null && c.matches("[A-Za-z0-9_.]{1,80}") ? " (" + c + ")" : "";
    }

    /** A Log Analytics failure, in words a user can act on (never the response body: it may echo the query). */
    static DataFactoryException map(RuntimeException e, String factory, String what) {
        if (e instanceof ClientAuthenticationException || AdfErrorMapper.hasCause(e, CredentialUnavailableException.class)) {
            return new DataFactoryException(Kind.AUTHENTICATION, factory,
                    "The bot could not sign in to Azure to read " + what + " from Log Analytics.", e);
        }
        if (e instanceof HttpResponseException http && http.getResponse() != null) {
            int status = http.getResponse().getStatusCode();
            return switch (status) {
                case 401 -> new DataFactoryException(Kind.AUTHENTICATION, factory,
                        "Log Analytics rejected the bot's credentials (HTTP 401) when it read " + what + ".", e);
                case 403 -> new DataFactoryException(Kind.PERMISSION, factory,
                        "The bot's identity may not query the Log Analytics workspace (HTTP 403): grant it the "
                                + "Log Analytics Reader role on the workspace.", e,
                        "Microsoft.OperationalInsights/workspaces/query/read", null);
                case 404 -> new DataFactoryException(Kind.NOT_FOUND, factory,
                        "Log Analytics could not find the workspace (HTTP 404): check ADFOPS_HISTORY_WORKSPACEID "
                                + "(the workspace ID, a GUID).", e);
                case 429 -> new DataFactoryException(Kind.THROTTLED, factory,
                        "Log Analytics is throttling queries (HTTP 429) for " + what + ".", e, null,
                        AdfErrorMapper.retryAfter(http));
                case 400 -> new DataFactoryException(Kind.SERVICE, factory,
                        "Log Analytics refused the query for " + what + " (HTTP 400): are ADF's diagnostic settings "
                                + "sending PipelineRuns and ActivityRuns to this workspace in resource-specific mode?", e);
                default -> new DataFactoryException(Kind.SERVICE, factory,
                        "Log Analytics returned an error for " + what + " (HTTP " + status + ").", e);
            };
        }
        if (AdfErrorMapper.hasCause(e, IOException.class)
                || AdfErrorMapper.hasCause(e, java.util.concurrent.TimeoutException.class)) {
            return new DataFactoryException(Kind.NETWORK, factory,
                    "The bot could not reach Log Analytics to read " + what + ".", e);
        }
        return new DataFactoryException(Kind.SERVICE, factory, "Reading " + what + " from Log Analytics failed.", e);
    }

    @Override
    public String toString() {
        return "Log Analytics workspace " + workspaceId;
    }
}
