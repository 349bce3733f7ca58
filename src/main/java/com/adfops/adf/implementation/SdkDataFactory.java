package com.adfops.adf.implementation;

import com.adfops.adf.ActivityRun;
import com.adfops.adf.DataFactory;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryDefinitions;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RequestMeter;
import com.adfops.adf.RunQuery;
import com.adfops.adf.RunRequest;
import com.adfops.adf.RunStatus;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.ExponentialBackoff;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.core.util.HttpClientOptions;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.resourcemanager.datafactory.DataFactoryManager;
import com.azure.resourcemanager.datafactory.models.ActivityRunsQueryResponse;
import com.azure.resourcemanager.datafactory.models.PipelineRunsQueryResponse;
import com.azure.resourcemanager.datafactory.models.RunFilterParameters;
import com.azure.resourcemanager.datafactory.models.RunQueryFilter;
import com.azure.resourcemanager.datafactory.models.RunQueryFilterOperand;
import com.azure.resourcemanager.datafactory.models.RunQueryFilterOperator;
import com.azure.resourcemanager.datafactory.models.RunQueryOrder;
import com.azure.resourcemanager.datafactory.models.RunQueryOrderBy;
import com.azure.resourcemanager.datafactory.models.RunQueryOrderByField;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link DataFactory} on azure-resourcemanager-datafactory. One {@link DataFactoryManager} per subscription,
 * created once and shared (the SDK clients are thread-safe).
 */
public final class SdkDataFactory implements DataFactory {

    /** Hard stop for paging loops, so a misbehaving server cannot keep us paging forever. */
    private static final int MAX_PAGES = 500;

    private final List<FactoryRef> factories;
    private final Map<String, DataFactoryManager> managers = new ConcurrentHashMap<>();
    private final Map<String, DataFactoryManager> writers = new ConcurrentHashMap<>();
    private final java.util.function.BiFunction<String, Boolean, DataFactoryManager> managerFactory;
    private final RequestMeter meter;

    /**
     * @param managerFactory a manager for (subscription, writes): managers for writes must not retry, since ADF's
     *                       Create Run has no idempotency key and a retried POST after a timeout can start two runs
     */
    private SdkDataFactory(List<FactoryRef> factories,
                           java.util.function.BiFunction<String, Boolean, DataFactoryManager> managerFactory,
                           RequestMeter meter) {
        if (factories.isEmpty()) {
            throw new IllegalArgumentException("at least one factory must be configured");
        }
        this.factories = List.copyOf(factories);
        this.managerFactory = managerFactory;
        this.meter = meter;
    }

    /** A retry policy that never retries: for Create Run and Cancel. */
    private static RetryPolicy noRetry() {
        return new RetryPolicy(new com.azure.core.http.policy.FixedDelay(0, Duration.ofMillis(1)));
    }

    /** The Azure clouds the bot can read factories in, by the name Azure CLI uses. */
    public static AzureEnvironment cloud(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (n) {
            case "", "azurecloud", "azure", "public" -> AzureEnvironment.AZURE;
            case "azurechinacloud", "china" -> AzureEnvironment.AZURE_CHINA;
            case "azureusgovernment", "usgovernment", "usgov" -> AzureEnvironment.AZURE_US_GOVERNMENT;
            default -> throw new IllegalStateException("ADFOPS_ADF_CLOUD must be AzureCloud, AzureChinaCloud or "
                    + "AzureUSGovernment, not '" + name + "'");
        };
    }

    /**
     * Talks to Azure Resource Manager in {@code cloud} with {@code DefaultAzureCredential} (its authority host set to
     * the cloud's).
     */
    public static SdkDataFactory forAzure(List<FactoryRef> factories, Duration timeout, AzureEnvironment cloud,
                                          RequestMeter meter) {
        HttpClient http = HttpClient.createDefault(new HttpClientOptions()
                .setConnectTimeout(timeout)
                .setResponseTimeout(timeout)
                .setReadTimeout(timeout));
        var credential = new DefaultAzureCredentialBuilder().authorityHost(cloud.getActiveDirectoryEndpoint()).build();
        return new SdkDataFactory(factories, (subscription, writes) -> {
            DataFactoryManager.Configurable c = DataFactoryManager.configure().withHttpClient(http)
                    .withPolicy(new ThrottleSignal(meter.budget(subscription)));
            if (writes) {
                c = c.withRetryPolicy(noRetry());
            }
            return c.authenticate(credential, new AzureProfile(null, subscription, cloud));
        }, meter);
    }

    /**
     * Talks to an ADF-compatible endpoint without authentication, over plain HTTP: the embedded simulated
     * factory on loopback. azure-core refuses a token credential over http, so the pipeline carries none.
     */
    public static SdkDataFactory forEndpoint(List<FactoryRef> factories, String endpoint, Duration timeout,
                                             RequestMeter meter) {
        String base = endpoint.endsWith("/") ? endpoint : endpoint + "/";
        AzureEnvironment env = new AzureEnvironment(Map.of(
                "resourceManagerEndpointUrl", base,
                "activeDirectoryEndpointUrl", base,
                "managementEndpointUrl", base));
        HttpClient http = HttpClient.createDefault(new HttpClientOptions()
                .setConnectTimeout(timeout)
                .setResponseTimeout(timeout)
                .setReadTimeout(timeout));
        HttpPipeline writes = new HttpPipelineBuilder()
                .httpClient(http)
                .policies(new UserAgentPolicy("adfops-bot"))
                .build();
        return new SdkDataFactory(factories, (subscription, write) -> DataFactoryManager.authenticate(write ? writes
                : new HttpPipelineBuilder()
                        .httpClient(http)
                        .policies(new UserAgentPolicy("adfops-bot"),
                                new RetryPolicy(new ExponentialBackoff(2, Duration.ofMillis(20), Duration.ofMillis(200))),
                                new ThrottleSignal(meter.budget(subscription)))
                        .build(), new AzureProfile(null, subscription, env)), meter);
    }

    @Override
    public List<FactoryRef> factories() {
        return factories;
    }

    private DataFactoryManager manager(FactoryRef f) {
        return managers.computeIfAbsent(f.subscriptionId(), s -> managerFactory.apply(s, false));
    }

    private DataFactoryManager writer(FactoryRef f) {
        return writers.computeIfAbsent(f.subscriptionId(), s -> managerFactory.apply(s, true));
    }

    @Override
    public String createRun(FactoryRef factory, RunRequest request) {
        try {
            meter.count(factory.factoryName());
            // Null (not false) leaves a parameter out of the query string, as ADF Studio does.
            var response = writer(factory).pipelines().createRunWithResponse(factory.resourceGroup(),
                    factory.factoryName(), request.pipeline(), request.referenceRunId(),
                    request.recovery() ? Boolean.TRUE : null, null,
                    request.startFromFailure() ? Boolean.TRUE : null, null, com.azure.core.util.Context.NONE);
            return response.getValue().runId();
        } catch (RuntimeException e) {
            throw AdfErrorMapper.map(e, factory.factoryName(), "a rerun of pipeline " + request.pipeline(),
                    "start a run of pipeline " + request.pipeline());
        }
    }

    @Override
    public void cancelRun(FactoryRef factory, String runId, boolean recursive) {
        try {
            meter.count(factory.factoryName());
            writer(factory).pipelineRuns().cancelWithResponse(factory.resourceGroup(), factory.factoryName(), runId,
                    recursive, com.azure.core.util.Context.NONE);
        } catch (RuntimeException e) {
            throw AdfErrorMapper.map(e, factory.factoryName(), "run " + runId, "cancel run " + runId);
        }
    }

    @Override
    public List<String> listPipelineNames(FactoryRef factory) {
        try {
            List<String> names = new ArrayList<>();
            meter.read(factory);
            for (var p : manager(factory).pipelines().listByFactory(factory.resourceGroup(), factory.factoryName())) {
                names.add(p.name());
            }
            names.sort(String.CASE_INSENSITIVE_ORDER);
            return names;
        } catch (RuntimeException e) {
            throw AdfErrorMapper.map(e, factory.factoryName(), "the pipelines of factory " + factory.factoryName());
        }
    }

    @Override
    public List<PipelineRun> queryPipelineRuns(FactoryRef factory, RunQuery query) {
        try {
            List<RunQueryFilter> filters = new ArrayList<>();
            if (!query.pipelineNames().isEmpty()) {
                filters.add(new RunQueryFilter()
                        .withOperand(RunQueryFilterOperand.PIPELINE_NAME)
                        .withOperator(RunQueryFilterOperator.IN)
                        .withValues(List.copyOf(query.pipelineNames())));
            }
            if (!query.statuses().isEmpty()) {
                List<String> wire = new ArrayList<>();
                for (RunStatus s : query.statuses()) {
                    wire.add(s.wireName());
                }
                filters.add(new RunQueryFilter()
                        .withOperand(RunQueryFilterOperand.STATUS)
                        .withOperator(RunQueryFilterOperator.IN)
                        .withValues(wire));
            }
            RunFilterParameters params = new RunFilterParameters()
                    .withLastUpdatedAfter(query.from().atOffset(ZoneOffset.UTC))
                    .withLastUpdatedBefore(query.to().atOffset(ZoneOffset.UTC))
                    .withFilters(filters.isEmpty() ? null : filters)
                    .withOrderBy(List.of(new RunQueryOrderBy()
                            .withOrderBy(RunQueryOrderByField.RUN_START).withOrder(RunQueryOrder.DESC)));
            List<PipelineRun> runs = new ArrayList<>();
            Set<String> seenTokens = new HashSet<>();
            var client = manager(factory).pipelineRuns();
            for (int page = 0; page < MAX_PAGES; page++) {
                meter.read(factory);
                PipelineRunsQueryResponse resp = client.queryByFactory(factory.resourceGroup(), factory.factoryName(), params);
                if (resp.value() != null) {
                    for (var r : resp.value()) {
                        runs.add(AdfModelMapper.toDomain(factory, r));
                    }
                }
                String token = resp.continuationToken();
                if (token == null || token.isBlank() || runs.size() >= query.maxRuns() || !seenTokens.add(token)) {
                    break;
                }
                params.withContinuationToken(token);
            }
            runs.sort(Comparator.comparing(PipelineRun::sortTime).reversed());
            return runs.size() > query.maxRuns() ? runs.subList(0, query.maxRuns()) : runs;
        } catch (RuntimeException e) {
            throw AdfErrorMapper.map(e, factory.factoryName(), "pipeline runs of factory " + factory.factoryName());
        }
    }

    @Override
    public FactoryDefinitions readDefinitions(FactoryRef factory) {
        String rg = factory.resourceGroup();
        String name = factory.factoryName();
        try {
            Instant readAt = Instant.now();
            DataFactoryManager m = manager(factory);
            return new FactoryDefinitions(factory, readAt,
                    readAll(factory, () -> m.pipelines().listByFactory(rg, name), DefinitionsMapper::pipeline,
                            FactoryDefinitions.Pipeline::name),
                    readAll(factory, () -> m.datasets().listByFactory(rg, name), DefinitionsMapper::dataset,
                            FactoryDefinitions.Dataset::name),
                    readAll(factory, () -> m.linkedServices().listByFactory(rg, name), DefinitionsMapper::linkedService,
                            FactoryDefinitions.LinkedService::name),
                    readAll(factory, () -> m.triggers().listByFactory(rg, name), DefinitionsMapper::trigger,
                            FactoryDefinitions.Trigger::name),
                    readAll(factory, () -> m.integrationRuntimes().listByFactory(rg, name),
                            r -> DefinitionsMapper.runtime(r, runtimeStatus(factory, m, r.name())),
                            FactoryDefinitions.IntegrationRuntime::name));
        } catch (RuntimeException e) {
            throw AdfErrorMapper.map(e, name, "the definitions of factory " + name);
        }
    }

    /** One list of definitions (one read, ADF's next links followed by the SDK), mapped and sorted by name. */
    private <T, R> List<R> readAll(FactoryRef factory, java.util.function.Supplier<Iterable<T>> list,
                                   java.util.function.Function<T, R> map, java.util.function.Function<R, String> name) {
        meter.read(factory);
        List<R> out = new ArrayList<>();
        for (T item : list.get()) {
            out.add(map.apply(item));
        }
        out.sort(Comparator.comparing(name, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER)));
        return out;
    }

    /**
     * An integration runtime's status, or null when the bot may not read it (getStatus is an action a reader role may
     * lack) or it is gone: the definitions stand without it.
     */
    private com.azure.resourcemanager.datafactory.models.IntegrationRuntimeStatus runtimeStatus(
            FactoryRef factory, DataFactoryManager m, String runtime) {
        try {
            meter.read(factory);
            var response = m.integrationRuntimes().getStatus(factory.resourceGroup(), factory.factoryName(), runtime);
            return response == null ? null : response.properties();
        } catch (RuntimeException e) {
            DataFactoryException mapped = AdfErrorMapper.map(e, factory.factoryName(), "integration runtime " + runtime);
            if (mapped.kind() == DataFactoryException.Kind.PERMISSION || mapped.kind() == DataFactoryException.Kind.NOT_FOUND) {
                return null;
            }
            throw mapped;
        }
    }

    @Override
    public List<FactoryDefinitions.TriggerRun> queryTriggerRuns(FactoryRef factory, Instant from, Instant to) {
        try {
            RunFilterParameters params = new RunFilterParameters()
                    .withLastUpdatedAfter(from.atOffset(ZoneOffset.UTC))
                    .withLastUpdatedBefore(to.atOffset(ZoneOffset.UTC))
                    .withOrderBy(List.of(new RunQueryOrderBy()
                            .withOrderBy(RunQueryOrderByField.TRIGGER_RUN_TIMESTAMP).withOrder(RunQueryOrder.DESC)));
            List<FactoryDefinitions.TriggerRun> runs = new ArrayList<>();
            Set<String> seenTokens = new HashSet<>();
            var client = manager(factory).triggerRuns();
            for (int page = 0; page < MAX_PAGES; page++) {
                meter.read(factory);
                var resp = client.queryByFactory(factory.resourceGroup(), factory.factoryName(), params);
                if (resp.value() != null) {
                    for (var r : resp.value()) {
                        FactoryDefinitions.TriggerRun run = DefinitionsMapper.triggerRun(r);
                        if (run.at() == null || (!run.at().isBefore(from) && run.at().isBefore(to))) {
                            runs.add(run);
                        }
                    }
                }
                String token = resp.continuationToken();
                if (token == null || token.isBlank() || !seenTokens.add(token)) {
                    break;
                }
                params.withContinuationToken(token);
            }
            runs.sort(Comparator.comparing((FactoryDefinitions.TriggerRun r) -> r.at() == null ? Instant.MAX : r.at())
                    .reversed());
            return runs;
        } catch (RuntimeException e) {
            throw AdfErrorMapper.map(e, factory.factoryName(), "trigger runs of factory " + factory.factoryName());
        }
    }

    @Override
    public List<ActivityRun> queryActivityRuns(FactoryRef factory, PipelineRun run) {
        try {
            Instant start = run.runStart() != null ? run.runStart() : run.sortTime();
            Instant end = run.runEnd() != null ? run.runEnd() : Instant.now();
            RunFilterParameters params = new RunFilterParameters()
                    .withLastUpdatedAfter(start.minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC))
                    .withLastUpdatedBefore(end.plus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC));
            List<ActivityRun> result = new ArrayList<>();
            Set<String> seenTokens = new HashSet<>();
            var client = manager(factory).activityRuns();
            for (int page = 0; page < MAX_PAGES; page++) {
                meter.read(factory);
                ActivityRunsQueryResponse resp = client.queryByPipelineRun(
                        factory.resourceGroup(), factory.factoryName(), run.runId(), params);
                if (resp.value() != null) {
                    for (var a : resp.value()) {
                        result.add(AdfModelMapper.toDomain(a));
                    }
                }
                String token = resp.continuationToken();
                if (token == null || token.isBlank() || !seenTokens.add(token)) {
                    break;
                }
                params.withContinuationToken(token);
            }
            result.sort(Comparator.comparing((ActivityRun a) -> a.start() == null ? Instant.MAX : a.start())
                    .thenComparing(a -> a.end() == null ? Instant.MAX : a.end()));
            return result;
        } catch (RuntimeException e) {
            throw AdfErrorMapper.map(e, factory.factoryName(), "activity runs of run " + run.runId());
        }
    }

    @Override
    public Optional<PipelineRun> getPipelineRun(FactoryRef factory, String runId) {
        try {
            meter.read(factory);
            var r = manager(factory).pipelineRuns().get(factory.resourceGroup(), factory.factoryName(), runId);
            return Optional.ofNullable(r).map(x -> AdfModelMapper.toDomain(factory, x));
        } catch (RuntimeException e) {
            DataFactoryException mapped = AdfErrorMapper.map(e, factory.factoryName(), "run " + runId);
            if (mapped.kind() == DataFactoryException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw mapped;
        }
    }
}
