package com.adfops.bench;

import com.adfops.adf.ActivityRun;
import com.adfops.adf.DataFactory;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RequestMeter;
import com.adfops.adf.RunQuery;
import com.adfops.adf.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A generated factory of any size, without the simulator (not a test): run {@code i} of {@code n} was last updated
 * {@code i} steps before {@code now}, so a window is an index range and every read builds fresh {@link PipelineRun}
 * records (nothing is shared with the index that holds them). As a metadata-driven framework looks: one master run in
 * ten starting nine child copies (290 copy pipelines, 10 masters: 300 pipelines), two parameters each (a table and the
 * hour it loads), one run in ten failed with one of 40 messages of about 300 characters, one in 97 cancelled, one in
 * 500 a rerun, the newest 0.1 % in progress. Each read of up to 100 runs counts as one page (one ADF request): it
 * takes a token from the meter's read budget (as the SDK adapter does) and waits {@code pageLatency}.
 */
public final class GeneratedFactory implements DataFactory {

    public static final FactoryRef FACTORY = new FactoryRef("00000000-0000-0000-0000-000000000000", "rg-bench", "df-generated");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:00:00'Z'").withZone(ZoneOffset.UTC);

    private final int n;
    private final Instant now;
    private final long stepMs;
    private final long seed;
    private final Duration pageLatency;
    private final RequestMeter meter;
    public final AtomicLong pages = new AtomicLong();

    public GeneratedFactory(int n, Duration span, Instant now, long seed, Duration pageLatency, RequestMeter meter) {
        this.n = n;
        this.now = now;
        this.stepMs = Math.max(1, span.toMillis() / n);
        this.seed = seed;
        this.pageLatency = pageLatency;
        this.meter = meter;
    }

    public int size() {
        return n;
    }

    /** The pipeline with the most runs (every copy pipeline has about as many). */
    public static String busiestPipeline() {
        return "pl_copy_1";
    }

    private long updatedMs(int i) {
        return now.toEpochMilli() - 30_000 - i * stepMs;
    }

    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private String id(int i) {
        return new UUID(mix(seed * 31 + i), mix(seed * 17 + i + 0x5DEECE66DL)).toString();
    }

    /** Run {@code i}, built fresh. */
    public PipelineRun run(int i) {
        Instant updated = Instant.ofEpochMilli(updatedMs(i)).plusNanos((i % 10) * 100_000L);
        boolean master = i % 10 == 0;
        boolean running = i < n / 1000;
        RunStatus status = running ? RunStatus.IN_PROGRESS : i % 10 == 3 ? RunStatus.FAILED
                : i % 97 == 5 ? RunStatus.CANCELLED : RunStatus.SUCCEEDED;
        long durationMs = 60_000 + (i % 50) * 10_017L;
        Instant start = updated.minusMillis(durationMs);
        String message = status == RunStatus.FAILED ? "Operation on target Copy data failed: ErrorCode=SqlFailedToConnect,"
                + "'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=Cannot connect to SQL Database: "
                + "'sql-prod-" + (i % 40) + "', Database: 'sales', User: 'etl'. Check the linked service configuration is "
                + "correct, and make sure the SQL Database firewall allows the integration runtime to access.'" : "";
        Map<String, String> params = new LinkedHashMap<>();
        String pipeline;
        String parent = null;
        String parentPipeline = null;
        String byType;
        String byName;
        if (master) {
            pipeline = "pl_master_" + (i / 10 % 10);
            params.put("loadDate", HOUR.format(updated).substring(0, 10));
            params.put("mode", "delta");
            byType = "ScheduleTrigger";
            byName = "trg_hourly";
        } else {
            pipeline = "pl_copy_" + (i % 290);
            params.put("tableName", "dbo.table_" + (i % 290));
            params.put("windowStart", HOUR.format(updated));
            int p = i - i % 10;
            parent = id(p);
            parentPipeline = "pl_master_" + (p / 10 % 10);
            byType = "PipelineActivity";
            byName = "Execute copy";
        }
        return new PipelineRun(FACTORY, id(i), pipeline, status, message, start, running ? null : updated, updated,
                running ? null : durationMs, params, byType, byName, parent, parentPipeline, i % 500 == 7 ? id(i + 1) : null);
    }

    @Override
    public List<FactoryRef> factories() {
        return List.of(FACTORY);
    }

    @Override
    public List<String> listPipelineNames(FactoryRef factory) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            out.add("pl_master_" + i);
        }
        for (int i = 0; i < 290; i++) {
            out.add("pl_copy_" + i);
        }
        return out.stream().sorted().toList();
    }

    @Override
    public List<PipelineRun> queryPipelineRuns(FactoryRef factory, RunQuery query) {
        long nowMs = now.toEpochMilli() - 30_000;
        // updated(i) = nowMs - i*step (plus < 1 ms); in [from, to) for i in [first, last].
        long first = Math.max(0, Math.floorDiv(nowMs - query.to().toEpochMilli(), stepMs) - 1);
        long last = Math.min(n - 1L, Math.floorDiv(nowMs - query.from().toEpochMilli(), stepMs) + 1);
        List<PipelineRun> out = new ArrayList<>();
        int scanned = 0;
        for (long i = first; i <= last && out.size() < query.maxRuns(); i++) {
            PipelineRun r = run((int) i);
            if (r.lastUpdated().isBefore(query.from()) || !r.lastUpdated().isBefore(query.to())) {
                continue;
            }
            if (!query.pipelineNames().isEmpty() && !query.pipelineNames().contains(r.pipelineName())) {
                continue;
            }
            if (!query.statuses().isEmpty() && !query.statuses().contains(r.status())) {
                continue;
            }
            out.add(r);
            if (++scanned % 100 == 0) {
                page();
            }
        }
        page();
        out.sort(Comparator.comparing(PipelineRun::sortTime).reversed());
        return out;
    }

    private void page() {
        if (meter != null) {
            // As the SDK adapter does before each page: a token from the subscription's read budget, then the count.
            meter.read(FACTORY);
        }
        pages.incrementAndGet();
        if (!pageLatency.isZero()) {
            try {
                Thread.sleep(pageLatency.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public List<ActivityRun> queryActivityRuns(FactoryRef factory, PipelineRun run) {
        return List.of();
    }

    @Override
    public Optional<PipelineRun> getPipelineRun(FactoryRef factory, String runId) {
        page();
        for (int i = 0; i < n; i++) {
            if (id(i).equals(runId)) {
                return Optional.of(run(i));
            }
        }
        return Optional.empty();
    }
}
