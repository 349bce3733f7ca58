package com.adfops.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loopback HTTP server speaking the ADF REST API (api-version 2018-06-01) for one factory:
 * {@code POST .../factories/{f}/queryPipelineRuns}, {@code POST .../factories/{f}/pipelineruns/{id}/queryActivityruns}
 * and {@code GET .../factories/{f}/pipelineruns/{id}}; {@code POST .../pipelines/{p}/createRun} and
 * {@code POST .../pipelineruns/{id}/cancel} (see {@link SimWrites}); the factory's definitions and trigger runs (see
 * {@link SimDefinitionsApi}). Answers use ADF's JSON shapes, filters and
 * continuation-token paging; errors use ARM's {@code {"error": {"code", "message"}}} body.
 *
 * <p>This class is the router: it adds the latency, throttling and injected faults, checks the api-version and the
 * factory's path, then hands the request to the first of its {@link SimRoute routes} that answers the method and the
 * path under the factory. An endpoint is a handler class and one line in the list of routes.
 */
public final class SimulatedDataFactoryServer implements AutoCloseable {

    public static final String SUBSCRIPTION_ID = "00000000-0000-0000-0000-00000000adf0";
    public static final String RESOURCE_GROUP = "rg-adfops-sim";

    private static final Logger log = LoggerFactory.getLogger(SimulatedDataFactoryServer.class);
    private static final Pattern FACTORY_PATH = Pattern.compile(
            "(?i)^/subscriptions/([^/]+)/resourcegroups/([^/]+)/providers/microsoft\\.datafactory/factories/([^/]+)(/.*)?$");
    private static final int REQUEST_LOG = 200;

    private final SimDataset dataset;
    private final ObjectMapper json;
    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final AtomicInteger requestCount = new AtomicInteger();
    private final java.time.Clock clock;
    private volatile java.time.Duration latency = java.time.Duration.ZERO;
    private volatile int throttleEvery;
    private final SimPaging paging;
    private final SimWrites writes;
    private final SimDefinitionsApi definitions;
    private final WorkspaceQueryHandler workspace;
    /** The endpoints under the factory's path, tried in order. */
    private final List<SimRoute> routes;
    private final java.util.Deque<String> requestLog = new java.util.concurrent.ConcurrentLinkedDeque<>();

    /** An injected failure: the next {@code times} requests whose path contains {@code pathPart} get it. */
    private record Fault(String pathPart, int status, String code, AtomicInteger remaining) {
    }

    private SimulatedDataFactoryServer(SimDataset dataset, ObjectMapper json, int pageSize, HttpServer server,
                                       java.time.Clock clock) {
        this.dataset = dataset;
        this.json = json;
        this.server = server;
        this.clock = clock;
        this.paging = new SimPaging(pageSize);
        this.writes = new SimWrites(dataset, clock);
        this.workspace = new WorkspaceQueryHandler(new SimulatedLogAnalytics(dataset, json, "/subscriptions/"
                + SUBSCRIPTION_ID + "/resourceGroups/" + RESOURCE_GROUP + "/providers/Microsoft.DataFactory/factories/"
                + dataset.factory()), clock);
        this.definitions = new SimDefinitionsApi(dataset, json, clock, paging);
        this.routes = java.util.stream.Stream.concat(java.util.stream.Stream.of(
                SimRoute.of("POST", "/querypipelineruns", new QueryRunsHandler(dataset, clock, paging)),
                SimRoute.of("POST", "/pipelineruns/([^/]+)/queryactivityruns",
                        new QueryActivityRunsHandler(dataset, clock, paging)),
                SimRoute.of("GET", "/pipelineruns/([^/]+)", new GetRunHandler(dataset, clock)),
                SimRoute.of("POST", "/pipelines/([^/]+)/createrun", new CreateRunHandler(writes)),
                SimRoute.of("POST", "/pipelineruns/([^/]+)/cancel", new CancelRunHandler(writes))),
                // The definitions: pipelines, datasets, linked services, triggers, runtimes, trigger runs.
                definitions.routes().stream()).toList();
        // Enough threads that an added latency (standing for Azure's) delays requests without queueing them.
        this.executor = Executors.newFixedThreadPool(32, r -> {
            Thread t = new Thread(r, "adf-sim");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    static {
        // Without TCP_NODELAY, small responses wait ~40 ms for delayed ACKs: every page would cost that.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** Starts a server on 127.0.0.1 on a free port, living in real time. */
    public static SimulatedDataFactoryServer start(SimDataset dataset, ObjectMapper json, int pageSize) {
        return start(dataset, json, pageSize, java.time.Clock.systemUTC());
    }

    /**
     * Starts a server on 127.0.0.1 on a free port. The factory lives by {@code clock}: a run is invisible before its
     * {@code runStart}, in progress (with the activity runs started so far) until its {@code runEnd}, then final.
     */
    public static SimulatedDataFactoryServer start(SimDataset dataset, ObjectMapper json, int pageSize, java.time.Clock clock) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
            SimulatedDataFactoryServer s = new SimulatedDataFactoryServer(dataset, json, pageSize, http, clock);
            http.start();
            log.info("Simulated Data Factory '{}' listening on {} ({} pipeline runs, {} activity runs)",
                    dataset.factory(), s.endpoint(), dataset.pipelineRuns().size(), dataset.activityRunCount());
            return s;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the simulated Data Factory on loopback", e);
        }
    }

    /** The base URL to use as the resource manager endpoint, e.g. {@code http://127.0.0.1:41234/}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    public SimDataset dataset() {
        return dataset;
    }

    /** The runs as the factory shows them now: started ones only, running ones in progress. */
    public List<ObjectNode> runsNow() {
        Instant now = clock.instant();
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode r : dataset.pipelineRuns()) {
            ObjectNode v = RunViews.asOf(r, now);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    /** The latest requests (at most 200), oldest first, as {@code METHOD path?query} (decoded). */
    public List<String> requests() {
        return List.copyOf(requestLog);
    }

    /** How a rerun ends when the dataset's script does not say ({@code ADFOPS_SIM_RERUNOUTCOME}): Succeeded or Failed. */
    public void setRerunOutcome(String status) {
        writes.setOutcome(status);
    }

    /** How long a rerun takes ({@code ADFOPS_SIM_RERUNDURATION}). */
    public void setRerunDuration(java.time.Duration d) {
        writes.setDuration(d);
    }

    public int requestCount() {
        return requestCount.get();
    }

    /** Starts a trigger (its withheld later runs come back). False when the factory has no such trigger. */
    public boolean startTrigger(String trigger) {
        return definitions.setTriggerStarted(trigger, true);
    }

    /** Stops a trigger: its runtime state says Stopped and it starts no more runs. False when there is no such trigger. */
    public boolean stopTrigger(String trigger) {
        return definitions.setTriggerStarted(trigger, false);
    }

    /**
     * Sets a self-hosted integration runtime node's status ({@code Online}, {@code Offline}, {@code Limited}, ...); the
     * runtime's state follows. False when there is no such runtime or node.
     */
    public boolean setRuntimeNodeStatus(String runtime, String node, String status) {
        return definitions.setNodeStatus(runtime, node, status);
    }

    /**
     * Drops the next run {@code trigger} would start (a missed run): the factory never shows it nor its trigger run.
     * Its scheduled start, or empty when the factory holds no later run of that trigger.
     */
    public java.util.Optional<Instant> skipNextTriggerRun(String trigger) {
        return definitions.skipNextRun(trigger);
    }

    /** Makes the next {@code times} requests whose path contains {@code pathPart} fail with an ARM error body. */
    public void injectFault(String pathPart, int status, String code, int times) {
        faults.add(new Fault(pathPart.toLowerCase(Locale.ROOT), status, code, new AtomicInteger(times)));
    }

    public void clearFaults() {
        faults.clear();
    }

    /** Added to every request, standing for Azure's latency ({@code ADFOPS_SIM_LATENCY}). */
    public void setLatency(java.time.Duration latency) {
        this.latency = latency == null || latency.isNegative() ? java.time.Duration.ZERO : latency;
    }

    /** Every {@code n}th request gets 429 with Retry-After: 1 ({@code ADFOPS_SIM_THROTTLE}); 0 = never. */
    public void setThrottleEvery(int n) {
        this.throttleEvery = Math.max(0, n);
    }

    /** Runs looked at, at most, for one page of runs ({@link SimPaging#PAGE_BUDGET} unless a test makes it small). */
    void setPageBudget(int runs) {
        paging.setPageBudget(runs);
    }

    /** When set, the first page of every query is empty but carries a continuation token (ADF does this). */
    public void setEmptyFirstPage(boolean on) {
        paging.setEmptyFirstPage(on);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        int n = requestCount.incrementAndGet();
        SimExchange x = new SimExchange(ex, json);
        try {
            if (!latency.isZero()) {
                Thread.sleep(latency.toMillis());
            }
            URI uri = ex.getRequestURI();
            String path = uri.getPath();
            requestLog.addLast(ex.getRequestMethod() + " " + path + (uri.getQuery() == null ? "" : "?" + uri.getQuery()));
            while (requestLog.size() > REQUEST_LOG) {
                requestLog.pollFirst();
            }
            int every = throttleEvery;
            if (every > 0 && n % every == 0) {
                x.header("Retry-After", "1");
                x.error(429, "TooManyRequests", "The request was throttled (simulated). Retry after 1 second.");
                return;
            }
            for (Fault f : faults) {
                if (path.toLowerCase(Locale.ROOT).contains(f.pathPart()) && f.remaining().getAndDecrement() > 0) {
                    x.error(f.status(), f.code(), "Injected failure " + f.code() + ".");
                    return;
                }
            }
            if (SimulatedLogAnalytics.PATH.matcher(path).matches()) {
                workspace.handle(x);
                return;
            }
            if (x.query("api-version") == null) {
                x.error(400, "MissingApiVersionParameter",
                        "The api-version query parameter (?api-version=) is required for all requests.");
                return;
            }
            Matcher m = FACTORY_PATH.matcher(path);
            if (!m.matches()) {
                x.error(404, "NotFound", "No route for the request path.");
                return;
            }
            String factory = m.group(3);
            if (!factory.equalsIgnoreCase(dataset.factory())
                    || !m.group(1).equalsIgnoreCase(SUBSCRIPTION_ID) || !m.group(2).equalsIgnoreCase(RESOURCE_GROUP)) {
                x.error(404, "ResourceNotFound", "The Resource 'Microsoft.DataFactory/factories/" + factory
                        + "' under resource group '" + m.group(2) + "' was not found.");
                return;
            }
            x.factoryId(m.group(1), m.group(2), factory);
            route(x, m.group(4) == null ? "" : m.group(4));
        } catch (SimWrites.Refused e) {
            x.error(e.status, e.code, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            x.error(503, "ServiceUnavailable", "The simulated factory is shutting down.");
        } catch (RuntimeException e) {
            log.warn("Simulated Data Factory failed on {}", ex.getRequestURI().getPath(), e);
            x.error(500, "InternalServerError", "The simulated factory failed to answer.");
        } finally {
            ex.close();
        }
    }

    /** The first route that answers the method on {@code rest} (the path under the factory) answers, else 404. */
    private void route(SimExchange x, String rest) throws IOException {
        for (SimRoute r : routes) {
            Matcher path = r.match(x.method(), rest);
            if (path != null) {
                r.handler().handle(x, path);
                return;
            }
        }
        x.error(404, "NotFound", "The simulated factory does not implement " + x.method() + " " + rest + ".");
    }

    /** The simulated workspace's query API base (the logs query client's endpoint), e.g. {@code http://127.0.0.1:41234/v1}. */
    public String workspaceEndpoint() {
        return endpoint() + "v1";
    }
}
