package com.adfops.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loopback HTTP server speaking the ADF REST API (api-version 2018-06-01) for one factory:
 * {@code POST .../factories/{f}/queryPipelineRuns}, {@code POST .../factories/{f}/pipelineruns/{id}/queryActivityruns}
 * and {@code GET .../factories/{f}/pipelineruns/{id}}; {@code POST .../pipelines/{p}/createRun} and
 * {@code POST .../pipelineruns/{id}/cancel} (see {@link SimWrites}). Answers use ADF's JSON shapes, filters and
 * continuation-token paging; errors use ARM's {@code {"error": {"code", "message"}}} body.
 */
public final class SimulatedDataFactoryServer implements AutoCloseable {

    public static final String SUBSCRIPTION_ID = "00000000-0000-0000-0000-00000000adf0";
    public static final String RESOURCE_GROUP = "rg-adfops-sim";

    private static final Logger log = LoggerFactory.getLogger(SimulatedDataFactoryServer.class);
    private static final Pattern FACTORY_PATH = Pattern.compile(
            "(?i)^/subscriptions/([^/]+)/resourcegroups/([^/]+)/providers/microsoft\\.datafactory/factories/([^/]+)(/.*)?$");
    private static final Pattern QUERY_RUNS = Pattern.compile("(?i)^/querypipelineruns/?$");
    private static final Pattern QUERY_ACTIVITIES = Pattern.compile("(?i)^/pipelineruns/([^/]+)/queryactivityruns/?$");
    private static final Pattern LIST_PIPELINES = Pattern.compile("(?i)^/pipelines/?$");
    private static final Pattern GET_RUN = Pattern.compile("(?i)^/pipelineruns/([^/]+)/?$");
    private static final Pattern CREATE_RUN = Pattern.compile("(?i)^/pipelines/([^/]+)/createrun/?$");
    private static final Pattern CANCEL = Pattern.compile("(?i)^/pipelineruns/([^/]+)/cancel/?$");
    private static final int REQUEST_LOG = 200;

    private final SimDataset dataset;
    private final ObjectMapper json;
    private final int pageSize;
    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final AtomicInteger requestCount = new AtomicInteger();
    private final java.time.Clock clock;
    private volatile boolean emptyFirstPage;
    private volatile java.time.Duration latency = java.time.Duration.ZERO;
    private volatile int throttleEvery;
    private volatile int pageBudget = PAGE_BUDGET;
    private final SimWrites writes;
    private final SimulatedLogAnalytics workspace;
    private final java.util.Deque<String> requestLog = new java.util.concurrent.ConcurrentLinkedDeque<>();

    /** An injected failure: the next {@code times} requests whose path contains {@code pathPart} get it. */
    private record Fault(String pathPart, int status, String code, AtomicInteger remaining) {
    }

    private SimulatedDataFactoryServer(SimDataset dataset, ObjectMapper json, int pageSize, HttpServer server,
                                       java.time.Clock clock) {
        this.dataset = dataset;
        this.json = json;
        this.pageSize = Math.max(1, pageSize);
        this.server = server;
        this.clock = clock;
        this.writes = new SimWrites(dataset, clock);
        this.workspace = new SimulatedLogAnalytics(dataset, json, "/subscriptions/" + SUBSCRIPTION_ID + "/resourceGroups/"
                + RESOURCE_GROUP + "/providers/Microsoft.DataFactory/factories/" + dataset.factory());
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
            ObjectNode v = asOf(r, now);
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

    /** Runs looked at, at most, for one page of runs ({@link #PAGE_BUDGET} unless a test makes it small). */
    void setPageBudget(int runs) {
        this.pageBudget = Math.max(1, runs);
    }

    /** When set, the first page of every query is empty but carries a continuation token (ADF does this). */
    public void setEmptyFirstPage(boolean on) {
        this.emptyFirstPage = on;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        int n = requestCount.incrementAndGet();
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
                ex.getResponseHeaders().set("Retry-After", "1");
                error(ex, 429, "TooManyRequests", "The request was throttled (simulated). Retry after 1 second.");
                return;
            }
            for (Fault f : faults) {
                if (path.toLowerCase(Locale.ROOT).contains(f.pathPart()) && f.remaining().getAndDecrement() > 0) {
                    error(ex, f.status(), f.code(), "Injected failure " + f.code() + ".");
                    return;
                }
            }
            if (SimulatedLogAnalytics.PATH.matcher(path).matches()) {
                queryWorkspace(ex);
                return;
            }
            if (query(uri, "api-version") == null) {
                error(ex, 400, "MissingApiVersionParameter",
                        "The api-version query parameter (?api-version=) is required for all requests.");
                return;
            }
            Matcher m = FACTORY_PATH.matcher(path);
            if (!m.matches()) {
                error(ex, 404, "NotFound", "No route for the request path.");
                return;
            }
            String factory = m.group(3);
            if (!factory.equalsIgnoreCase(dataset.factory())
                    || !m.group(1).equalsIgnoreCase(SUBSCRIPTION_ID) || !m.group(2).equalsIgnoreCase(RESOURCE_GROUP)) {
                error(ex, 404, "ResourceNotFound", "The Resource 'Microsoft.DataFactory/factories/" + factory
                        + "' under resource group '" + m.group(2) + "' was not found.");
                return;
            }
            String rest = m.group(4) == null ? "" : m.group(4);
            String method = ex.getRequestMethod();
            Matcher a;
            if (method.equals("POST") && QUERY_RUNS.matcher(rest).matches()) {
                JsonNode body = readBody(ex);
                if (body != null) {
                    queryPipelineRuns(ex, body);
                }
            } else if (method.equals("POST") && (a = QUERY_ACTIVITIES.matcher(rest)).matches()) {
                JsonNode body = readBody(ex);
                if (body != null) {
                    queryActivityRuns(ex, a.group(1), body);
                }
            } else if (method.equals("GET") && LIST_PIPELINES.matcher(rest).matches()) {
                listPipelines(ex, m.group(1), m.group(2), factory);
            } else if (method.equals("GET") && (a = GET_RUN.matcher(rest)).matches()) {
                ObjectNode run = dataset.run(a.group(1));
                run = run == null || !kept(run, clock.instant()) ? null : asOf(run, clock.instant());
                if (run == null) {
                    error(ex, 404, "PipelineRunNotFound", "Pipeline run '" + a.group(1) + "' was not found.");
                } else {
                    send(ex, 200, run);
                }
            } else if (method.equals("POST") && (a = CREATE_RUN.matcher(rest)).matches()) {
                String runId = writes.createRun(a.group(1), decodedQuery(uri, "referencePipelineRunId"),
                        "true".equalsIgnoreCase(query(uri, "isRecovery")),
                        "true".equalsIgnoreCase(query(uri, "startFromFailure")), decodedQuery(uri, "startActivityName"));
                ObjectNode resp = json.createObjectNode();
                resp.put("runId", runId);
                send(ex, 200, resp);
            } else if (method.equals("POST") && (a = CANCEL.matcher(rest)).matches()) {
                writes.cancel(a.group(1), "true".equalsIgnoreCase(query(uri, "isRecursive")));
                ex.getResponseHeaders().set("x-ms-request-id", java.util.UUID.randomUUID().toString());
                ex.sendResponseHeaders(200, -1);
            } else {
                error(ex, 404, "NotFound", "The simulated factory does not implement " + method + " " + rest + ".");
            }
        } catch (SimWrites.Refused e) {
            error(ex, e.status, e.code, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error(ex, 503, "ServiceUnavailable", "The simulated factory is shutting down.");
        } catch (RuntimeException e) {
            log.warn("Simulated Data Factory failed on {}", ex.getRequestURI().getPath(), e);
            error(ex, 500, "InternalServerError", "The simulated factory failed to answer.");
        } finally {
            ex.close();
        }
    }

    /** The Log Analytics query API of the factory's logs (see {@link SimulatedLogAnalytics}). */
    private void queryWorkspace(HttpExchange ex) throws IOException {
        if (!ex.getRequestMethod().equals("POST")) {
            error(ex, 405, "MethodNotAllowed", "The query API takes POST here.");
            return;
        }
        JsonNode body;
        try (InputStream in = ex.getRequestBody()) {
            body = json.readTree(in.readAllBytes());
        } catch (IOException e) {
            error(ex, 400, "BadArgumentError", "The request body is not valid JSON.");
            return;
        }
        try {
            send(ex, 200, workspace.query(body == null ? null : SimDataset.text(body, "query"), clock.instant()));
        } catch (SimulatedLogAnalytics.BadQuery e) {
            error(ex, 400, "BadArgumentError", e.getMessage());
        }
    }

    /** The simulated workspace's query API base (the logs query client's endpoint), e.g. {@code http://127.0.0.1:41234/v1}. */
    public String workspaceEndpoint() {
        return endpoint() + "v1";
    }

    private JsonNode readBody(HttpExchange ex) throws IOException {
        JsonNode body;
        try (InputStream in = ex.getRequestBody()) {
            body = json.readTree(in.readAllBytes());
        } catch (IOException e) {
            error(ex, 400, "BadRequest", "The request body is not valid JSON.");
            return null;
        }
        if (body == null || !body.isObject()) {
            error(ex, 400, "BadRequest", "The request body must be a RunFilterParameters object.");
            return null;
        }
        if (SimDataset.time(body, "lastUpdatedAfter") == null || SimDataset.time(body, "lastUpdatedBefore") == null) {
            error(ex, 400, "BadRequest", "lastUpdatedAfter and lastUpdatedBefore are required date-times.");
            return null;
        }
        return body;
    }

    /** Pipelines as ADF lists them (PipelineResource); the simulator knows the pipelines from their runs. */
    private void listPipelines(HttpExchange ex, String sub, String rg, String factory) throws IOException {
        java.util.TreeSet<String> names = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(dataset.pipelineNames());
        ObjectNode resp = json.createObjectNode();
        ArrayNode value = resp.putArray("value");
        for (String name : names) {
            ObjectNode p = value.addObject();
            p.put("id", "/subscriptions/" + sub + "/resourceGroups/" + rg
                    + "/providers/Microsoft.DataFactory/factories/" + factory + "/pipelines/" + name);
            p.put("name", name);
            p.put("type", "Microsoft.DataFactory/factories/pipelines");
            p.put("etag", Integer.toHexString(name.hashCode()));
            p.putObject("properties").putArray("activities");
        }
        send(ex, 200, resp);
    }

    /**
     * Runs by {@code runStart} (ADF's and the SDK's order) are paged from the sorted runs: a binary search, then the
     * page. Other orders take the runs whose {@code lastUpdated} may lie in the window and sort them per request.
     */
    private void queryPipelineRuns(HttpExchange ex, JsonNode body) throws IOException {
        Instant after = SimDataset.time(body, "lastUpdatedAfter");
        Instant before = SimDataset.time(body, "lastUpdatedBefore");
        Predicate<ObjectNode> keep = r -> {
            Instant updated = firstNonNull(SimDataset.time(r, "lastUpdated"), SimDataset.time(r, "runEnd"),
                    SimDataset.time(r, "runStart"));
            return updated == null || (!updated.isBefore(after) && updated.isBefore(before));
        };
        Predicate<ObjectNode> filters = filters(body.get("filters"), true);
        if (filters == null) {
            error(ex, 400, "BadRequest", "A filter has an unknown operand or operator.");
            return;
        }
        Instant now = clock.instant();
        java.util.function.Function<ObjectNode, ObjectNode> view = stored -> {
            ObjectNode r = asOf(stored, now);
            return r != null && kept(r, now) && keep.test(r) && filters.test(r) ? r : null;
        };
        RunTable.Prefilter pre = prefilter(body.get("filters"), after, before, now);
        JsonNode orderBy = body.get("orderBy");
        if (!"runStart".equals(orderField(orderBy, "runStart"))) {
            List<ObjectNode> matched = dataset.table().window(pre, view);
            matched.sort(order(orderBy, "runStart"));
            page(ex, body, matched);
            return;
        }
        boolean desc = orderDescending(orderBy);
        String token = SimDataset.text(body, "continuationToken");
        RunTable.Position from = null;
        boolean pastEmpty = false;
        if (token != null && !token.isBlank()) {
            try {
                from = position(token, desc);
                pastEmpty = true;
            } catch (IllegalArgumentException e) {
                error(ex, 400, "InvalidContinuationToken", "The continuation token is not valid.");
                return;
            }
        }
        ObjectNode resp = json.createObjectNode();
        ArrayNode value = resp.putArray("value");
        RunTable.Page probe = emptyFirstPage && !pastEmpty ? dataset.table().byStart(pre, desc, null, view, 1, pageBudget) : null;
        if (probe != null && (!probe.runs().isEmpty() || probe.next() != null)) {
            resp.put("continuationToken", startToken(desc, null));
            send(ex, 200, resp);
            return;
        }
        RunTable.Page p = dataset.table().byStart(pre, desc, from, view, pageSize, pageBudget);
        p.runs().forEach(value::add);
        if (p.next() != null) {
            resp.put("continuationToken", startToken(desc, p.next()));
        }
        send(ex, 200, resp);
    }

    /** Runs looked at, at most, for one page: a rare filter over a big factory gives short pages with tokens, as ADF's. */
    static final int PAGE_BUDGET = 100_000;

    /** A token of a page by runStart: where the next page resumes (after that run), or from the first ({@code -}). */
    private static String startToken(boolean desc, RunTable.Position after) {
        String s = "sim:s:" + (desc ? "d" : "a") + ":" + (after == null ? "-" : after.key() + ":" + after.slot());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The position in a token of {@link #startToken}; null: from the first. */
    private static RunTable.Position position(String token, boolean desc) {
        String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        String[] parts = decoded.split(":");
        if (parts.length < 4 || !parts[0].equals("sim") || !parts[1].equals("s") || !parts[2].equals(desc ? "d" : "a")) {
            throw new IllegalArgumentException("not a token of this query");
        }
        if (parts[3].equals("-") && parts.length == 4) {
            return null;
        }
        if (parts.length != 5) {
            throw new IllegalArgumentException("not a token of this query");
        }
        int slot = Integer.parseInt(parts[4]);
        if (slot < 0) {
            throw new IllegalArgumentException("not a token of this query");
        }
        return new RunTable.Position(Long.parseLong(parts[3]), slot);
    }

    /** The numbers a run must have to match (a superset of the exact filters): window, pipelines, statuses. */
    private RunTable.Prefilter prefilter(JsonNode filters, Instant after, Instant before, Instant now) {
        Predicate<String> byName = operandTest(filters, "PipelineName");
        Predicate<String> byStatus = operandTest(filters, "Status");
        SimRuns base = dataset.table().base();
        boolean[] pipelines = null;
        if (byName != null) {
            List<String> names = base.pipelineNames();
            pipelines = new boolean[names.size()];
            for (int i = 0; i < pipelines.length; i++) {
                pipelines[i] = byName.test(names.get(i));
            }
        }
        boolean[] statuses = null;
        if (byStatus != null) {
            List<String> names = base.statusNames();
            statuses = new boolean[names.size()];
            for (int i = 0; i < statuses.length; i++) {
                statuses[i] = byStatus.test(names.get(i));
            }
        }
        return new RunTable.Prefilter(SimRuns.micros(after), SimRuns.micros(before), SimRuns.micros(now), pipelines,
                statuses, byStatus == null || byStatus.test("InProgress"));
    }

    /** Which values pass every filter on {@code operand} (null: none names it); the filters are valid. */
    private static Predicate<String> operandTest(JsonNode filters, String operand) {
        if (filters == null || !filters.isArray()) {
            return null;
        }
        Predicate<String> all = null;
        for (JsonNode f : filters) {
            if (!operand.equals(SimDataset.text(f, "operand"))) {
                continue;
            }
            Set<String> values = new HashSet<>();
            if (f.get("values") != null) {
                f.get("values").forEach(v -> values.add(v.asText().toLowerCase(Locale.ROOT)));
            }
            Predicate<String> in = v -> v != null && values.contains(v.toLowerCase(Locale.ROOT));
            Predicate<String> p = switch (String.valueOf(SimDataset.text(f, "operator"))) {
                case "NotEquals", "NotIn" -> in.negate();
                default -> in;
            };
            all = all == null ? p : all.and(p);
        }
        return all;
    }

    private void queryActivityRuns(HttpExchange ex, String runId, JsonNode body) throws IOException {
        Instant after = SimDataset.time(body, "lastUpdatedAfter");
        Instant before = SimDataset.time(body, "lastUpdatedBefore");
        Predicate<ObjectNode> filters = filters(body.get("filters"), false);
        if (filters == null) {
            error(ex, 400, "BadRequest", "A filter has an unknown operand or operator.");
            return;
        }
        List<ObjectNode> matched = new ArrayList<>();
        Instant now = clock.instant();
        ObjectNode parent = dataset.run(runId);
        List<ObjectNode> stored0 = parent != null && !kept(parent, now) ? List.of() : dataset.activityRuns(runId);
        for (ObjectNode stored : stored0) {
            ObjectNode a = activityAsOf(stored, now);
            if (a == null) {
                continue;
            }
            Instant start = SimDataset.time(a, "activityRunStart");
            boolean inWindow = start == null || (!start.isBefore(after) && start.isBefore(before));
            if (inWindow && filters.test(a)) {
                matched.add(a);
            }
        }
        matched.sort(order(body.get("orderBy"), "activityRunStart"));
        page(ex, body, matched);
    }

    /** How long ADF keeps run data: older runs are gone from its API (a Log Analytics workspace still has them). */
    static final java.time.Duration RETENTION = java.time.Duration.ofDays(45);

    /** Whether ADF still keeps {@code run} at {@code now}. */
    static boolean kept(ObjectNode run, Instant now) {
        Instant updated = firstNonNull(SimDataset.time(run, "lastUpdated"), SimDataset.time(run, "runEnd"),
                SimDataset.time(run, "runStart"));
        return updated == null || !updated.isBefore(now.minus(RETENTION));
    }

    /** A run as ADF would show it at {@code now}: null before it starts, in progress until it ends. */
    static ObjectNode asOf(ObjectNode run, Instant now) {
        return live(run, "runStart", "runEnd", now, running -> {
            running.put("message", "");
            Instant start = SimDataset.time(run, "runStart");
            running.put("lastUpdated", start == null ? now.toString() : start.toString());
        });
    }

    /** An activity run as ADF would show it at {@code now}: null before it starts, in progress (no error) until it ends. */
    static ObjectNode activityAsOf(ObjectNode activity, Instant now) {
        return live(activity, "activityRunStart", "activityRunEnd", now, running -> {
            ObjectNode err = running.putObject("error");
            err.put("errorCode", "");
            err.put("message", "");
            err.put("failureType", "");
            err.put("target", SimDataset.text(activity, "activityName"));
        });
    }

    /** The time rules shared by runs and activity runs; {@code whileRunning} adjusts the in-progress copy. */
    private static ObjectNode live(ObjectNode stored, String startField, String endField, Instant now,
                                   java.util.function.Consumer<ObjectNode> whileRunning) {
        Instant start = SimDataset.time(stored, startField);
        if (start != null && start.isAfter(now)) {
            return null;
        }
        Instant end = SimDataset.time(stored, endField);
        if (end == null || !end.isAfter(now)) {
            return stored;
        }
        ObjectNode running = stored.deepCopy();
        running.put("status", "InProgress");
        running.remove(endField);
        running.remove("durationInMs");
        whileRunning.accept(running);
        return running;
    }

    private void page(HttpExchange ex, JsonNode body, List<ObjectNode> matched) throws IOException {
        String token = SimDataset.text(body, "continuationToken");
        int offset = 0;
        boolean pastEmpty = false;
        if (token != null && !token.isBlank()) {
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                String[] parts = decoded.split(":");
                if (parts.length != 2 || !parts[0].equals("sim")) {
                    throw new IllegalArgumentException();
                }
                offset = Integer.parseInt(parts[1]);
                pastEmpty = true;
            } catch (IllegalArgumentException e) {
                error(ex, 400, "InvalidContinuationToken", "The continuation token is not valid.");
                return;
            }
        }
        ObjectNode resp = json.createObjectNode();
        ArrayNode value = resp.putArray("value");
        if (emptyFirstPage && !pastEmpty && !matched.isEmpty()) {
            resp.put("continuationToken", token(0));
            send(ex, 200, resp);
            return;
        }
        int end = Math.min(matched.size(), offset + pageSize);
        for (int i = offset; i < end; i++) {
            value.add(matched.get(i));
        }
        if (end < matched.size()) {
            resp.put("continuationToken", token(end));
        }
        send(ex, 200, resp);
    }

    private static String token(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("sim:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** Builds the predicate for ADF's filters[], or null if one is invalid. */
    private Predicate<ObjectNode> filters(JsonNode filters, boolean pipelineLevel) {
        Predicate<ObjectNode> all = r -> true;
        if (filters == null || filters.isNull()) {
            return all;
        }
        if (!filters.isArray()) {
            return null;
        }
        for (JsonNode f : filters) {
            String operand = SimDataset.text(f, "operand");
            String operator = SimDataset.text(f, "operator");
            Set<String> values = new HashSet<>();
            if (f.get("values") != null) {
                f.get("values").forEach(v -> values.add(v.asText().toLowerCase(Locale.ROOT)));
            }
            if (operand == null || operator == null) {
                return null;
            }
            String field = switch (operand) {
                case "PipelineName" -> "pipelineName";
                case "Status" -> "status";
                case "RunStart" -> "runStart";
                case "RunEnd" -> "runEnd";
                case "RunGroupId" -> "runGroupId";
                case "ActivityName" -> "activityName";
                case "ActivityType" -> "activityType";
                case "ActivityRunStart" -> "activityRunStart";
                case "ActivityRunEnd" -> "activityRunEnd";
                case "LatestOnly" -> "isLatest";
                default -> null;
            };
            if (field == null) {
                return null;
            }
            Predicate<ObjectNode> in = r -> {
                String v = SimDataset.text(r, field);
                if (field.equals("isLatest")) {
                    boolean latestWanted = values.contains("true");
                    return !latestWanted || v == null || v.equals("true");
                }
                return v != null && values.contains(v.toLowerCase(Locale.ROOT));
            };
            Predicate<ObjectNode> p = switch (operator) {
                case "Equals", "In" -> in;
                case "NotEquals", "NotIn" -> in.negate();
                default -> null;
            };
            if (p == null) {
                return null;
            }
            all = all.and(p);
        }
        return all;
    }

    /** The field of the first {@code orderBy} as a JSON field name ({@code RunStart} -> {@code runStart}). */
    private static String orderField(JsonNode orderBy, String defaultField) {
        if (orderBy != null && orderBy.isArray() && !orderBy.isEmpty()) {
            String f = SimDataset.text(orderBy.get(0), "orderBy");
            if (f != null && !f.isEmpty()) {
                return Character.toLowerCase(f.charAt(0)) + f.substring(1);
            }
        }
        return defaultField;
    }

    /** Descending unless the first {@code orderBy} says ASC. */
    private static boolean orderDescending(JsonNode orderBy) {
        return orderBy == null || !orderBy.isArray() || orderBy.isEmpty()
                || !"ASC".equalsIgnoreCase(SimDataset.text(orderBy.get(0), "order"));
    }

    private static Comparator<ObjectNode> order(JsonNode orderBy, String defaultField) {
        String key = orderField(orderBy, defaultField);
        boolean desc = orderDescending(orderBy);
        Comparator<ObjectNode> c;
        if (key.endsWith("Start") || key.endsWith("End")) {
            java.util.Map<ObjectNode, Instant> memo = new java.util.IdentityHashMap<>();
            c = Comparator.comparing(n -> memo.computeIfAbsent(n,
                    x -> firstNonNull(SimDataset.time(x, key), Instant.EPOCH)));
        } else {
            c = Comparator.comparing(n -> String.valueOf(SimDataset.text(n, key)));
        }
        return desc ? c.reversed() : c;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String query(URI uri, String name) {
        String q = uri.getRawQuery();
        if (q == null) {
            return null;
        }
        for (String part : q.split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).equalsIgnoreCase(name)) {
                return part.substring(eq + 1);
            }
        }
        return null;
    }

    private static String decodedQuery(URI uri, String name) {
        String v = query(uri, name);
        return v == null ? null : decode(v);
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private void error(HttpExchange ex, int status, String code, String message) throws IOException {
        ObjectNode body = json.createObjectNode();
        ObjectNode err = body.putObject("error");
        err.put("code", code);
        err.put("message", message);
        send(ex, status, body);
    }

    private void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.getResponseHeaders().set("x-ms-request-id", java.util.UUID.randomUUID().toString());
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
