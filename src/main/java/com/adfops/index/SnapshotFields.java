package com.adfops.index;

import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The single values of {@link SnapshotFormat}: texts of any length, instants, and runs kept whole, field by field. */
final class SnapshotFields {

    private static final RunStatus[] STATUSES = RunStatus.values();

    private SnapshotFields() {
    }

    /** A text of any length (ADF messages may be long), null as -1. */
    static void writeText(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readText(DataInputStream in) throws IOException, SnapshotFormat.Unreadable {
        int len = in.readInt();
        if (len == -1) {
            return null;
        }
        if (len < 0 || len > (64 << 20)) {
            throw new SnapshotFormat.Unreadable("corrupt (a text of " + len + " bytes)");
        }
        byte[] b = new byte[len];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    static void writeInstant(DataOutputStream out, Instant t) throws IOException {
        out.writeBoolean(t != null);
        if (t != null) {
            out.writeLong(t.getEpochSecond());
            out.writeInt(t.getNano());
        }
    }

    static Instant readInstant(DataInputStream in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    /** A run that columns cannot hold without loss, field by field. */
    static void writeRun(DataOutputStream out, PipelineRun r) throws IOException {
        writeText(out, r.factory().subscriptionId());
        writeText(out, r.factory().resourceGroup());
        writeText(out, r.factory().factoryName());
        writeText(out, r.runId());
        writeText(out, r.pipelineName());
        out.writeByte(r.status().ordinal());
        writeText(out, r.message());
        writeInstant(out, r.runStart());
        writeInstant(out, r.runEnd());
        writeInstant(out, r.lastUpdated());
        out.writeBoolean(r.durationMs() != null);
        if (r.durationMs() != null) {
            out.writeLong(r.durationMs());
        }
        out.writeInt(r.parameters().size());
        for (Map.Entry<String, String> kv : r.parameters().entrySet()) {
            writeText(out, kv.getKey());
            writeText(out, kv.getValue());
        }
        writeText(out, r.invokedByType());
        writeText(out, r.invokedByName());
        writeText(out, r.parentRunId());
        writeText(out, r.parentPipeline());
        writeText(out, r.rerunOf());
    }

    static PipelineRun readRun(DataInputStream in) throws IOException, SnapshotFormat.Unreadable {
        FactoryRef f = new FactoryRef(readText(in), readText(in), readText(in));
        String id = readText(in);
        if (id == null) {
            throw new SnapshotFormat.Unreadable("corrupt (a run without an id)");
        }
        String pipeline = readText(in);
        int status = in.readByte();
        if (status < 0 || status >= STATUSES.length) {
            throw new SnapshotFormat.Unreadable("corrupt (a status)");
        }
        String message = readText(in);
        Instant start = readInstant(in);
        Instant end = readInstant(in);
        Instant updated = readInstant(in);
        Long duration = in.readBoolean() ? in.readLong() : null;
        int params = SnapshotFormat.count(in.readInt());
        Map<String, String> ps = new LinkedHashMap<>();
        for (int i = 0; i < params; i++) {
            ps.put(readText(in), readText(in));
        }
        return new PipelineRun(f, id, pipeline, STATUSES[status], message, start, end, updated, duration, ps,
                readText(in), readText(in), readText(in), readText(in), readText(in));
    }
}
