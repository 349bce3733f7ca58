package com.adfops.index;

import com.adfops.adf.FactoryRef;
import com.adfops.adf.RunStatus;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The binary form of one factory's index, kept in the durable store so that a restart does not read the whole horizon
 * from Data Factory again. Plain: the magic {@code ADFI} and the format version; then gzip (fastest level) of: the
 * factory (subscription, resource group, name), the watermark (every update before it is in the snapshot: the next
 * refresh asks from there), since when the snapshot holds every run and whether a memory budget cut it there, the
 * dictionary of texts once, the blocks of the memory without the rows a newer state replaced (each newest start
 * first, as {@link RunColumns} holds them: each column whole, times as differences, which gzip shrinks well; then the
 * runs kept whole), and the magic again. Reading checks
 * everything a question would trip over (text numbers, statuses, the order of rows, the end of the gzip stream and its
 * checksum): a snapshot that fails is {@link Unreadable}, never half used.
 */
final class SnapshotFormat {

    static final int MAGIC = 0x41444649;
    /** The format this version writes and reads; another is {@link Unreadable} (the index loads from zero). */
    static final int VERSION = 1;
    private static final int MAX_ROWS = 100_000_000;
    private static final RunStatus[] STATUSES = RunStatus.values();

    /**
     * What a snapshot holds besides its runs.
     *
     * @param watermark   every update before it is held
     * @param heldSince   since when every run is held (the horizon's start when written, or the budget's cut)
     * @param capped      whether a memory budget cut it at {@code heldSince}
     */
    record Header(FactoryRef factory, Instant watermark, Instant heldSince, boolean capped) {
    }

    /** A decoded snapshot: its header, its blocks of runs (no run in two) and their dictionary. */
    record Decoded(Header header, List<RunColumns> blocks, RunStrings strings) {

        int runs() {
            return blocks.stream().mapToInt(c -> c.size).sum();
        }
    }

    /** A snapshot that cannot be used, and why (said in a WARN, without a stack trace). */
    static final class Unreadable extends Exception {
        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    private SnapshotFormat() {
    }

    /** One block's runs as one snapshot. */
    static byte[] write(Header header, RunColumns c) {
        return write(header, List.of(c), java.util.Collections.singletonList(null), c.strings);
    }

    /**
     * The live rows of {@code blocks} (a row {@code dead} marks is left out), all coded in {@code strings}: written
     * block by block, column by column (no copy of the whole memory while it is written).
     */
    static byte[] write(Header header, List<RunColumns> blocks, List<BitSet> dead, RunStrings strings) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try {
            DataOutputStream plain = new DataOutputStream(bytes);
            plain.writeInt(MAGIC);
            plain.writeInt(VERSION);
            GZIPOutputStream gzip = new GZIPOutputStream(bytes, 1 << 16) {
                {
                    def.setLevel(Deflater.BEST_SPEED);
                }
            };
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gzip, 1 << 16));
            FactoryRef f = header.factory();
            SnapshotFields.writeText(out, f.subscriptionId());
            SnapshotFields.writeText(out, f.resourceGroup());
            SnapshotFields.writeText(out, f.factoryName());
            SnapshotFields.writeInstant(out, header.watermark());
            SnapshotFields.writeInstant(out, header.heldSince());
            out.writeBoolean(header.capped());
            int dictionary = strings.size();
            out.writeInt(dictionary);
            for (int i = 1; i < dictionary; i++) {
                SnapshotFields.writeText(out, strings.get(i));
            }
            out.writeInt(blocks.size());
            for (int b = 0; b < blocks.size(); b++) {
                writeBlock(out, blocks.get(b), dead.get(b));
            }
            out.writeInt(MAGIC);
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeBlock(DataOutputStream out, RunColumns c, BitSet dead) throws IOException {
        int[] rows = new int[c.size - (dead == null ? 0 : dead.cardinality())];
        int n = 0;
        int paramCount = 0;
        for (int r = 0; r < c.size; r++) {
            if (dead == null || !dead.get(r)) {
                rows[n++] = r;
                paramCount += c.paramStart[r + 1] - c.paramStart[r];
            }
        }
        out.writeInt(n);
        out.writeInt(paramCount);
        longs(out, gather(c.idHi, rows));
        longs(out, gather(c.idLo, rows));
        // Times: the start as the difference to the row before (rows are newest start first), end and update as
        // differences to the start. Wrapping arithmetic keeps every value (NULL included) exactly.
        long[] rel = new long[n];
        for (int i = 0; i < n; i++) {
            rel[i] = i == 0 ? c.start[rows[i]] : c.start[rows[i]] - c.start[rows[i - 1]];
        }
        longs(out, rel);
        for (int i = 0; i < n; i++) {
            rel[i] = c.end[rows[i]] - c.start[rows[i]];
        }
        longs(out, rel);
        for (int i = 0; i < n; i++) {
            rel[i] = c.updated[rows[i]] - c.start[rows[i]];
        }
        longs(out, rel);
        longs(out, gather(c.durationMs, rows));
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = c.status[rows[i]];
        }
        out.write(b);
        for (int i = 0; i < n; i++) {
            b[i] = c.flags[rows[i]];
        }
        out.write(b);
        for (int[] column : new int[][] {c.pipeline, c.message, c.byType, c.byName, c.parentPipeline, c.rerunOf}) {
            int[] v = new int[n];
            for (int i = 0; i < n; i++) {
                v[i] = column[rows[i]];
            }
            ints(out, v);
        }
        int[] starts = new int[n + 1];
        int[] params = new int[paramCount];
        int p = 0;
        for (int i = 0; i < n; i++) {
            starts[i] = p;
            for (int k = c.paramStart[rows[i]]; k < c.paramStart[rows[i] + 1]; k++) {
                params[p++] = c.params[k];
            }
        }
        starts[n] = p;
        ints(out, starts);
        ints(out, params);
        longs(out, gather(c.parentHi, rows));
        longs(out, gather(c.parentLo, rows));
        int whole = 0;
        for (int i = 0; i < n; i++) {
            whole += (c.flags[rows[i]] & RunColumns.WHOLE) != 0 ? 1 : 0;
        }
        out.writeInt(whole);
        for (int i = 0; i < n; i++) {
            if ((c.flags[rows[i]] & RunColumns.WHOLE) != 0) {
                out.writeInt(i);
                SnapshotFields.writeRun(out, c.whole.get(rows[i]));
            }
        }
    }

    private static long[] gather(long[] column, int[] rows) {
        long[] v = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            v[i] = column[rows[i]];
        }
        return v;
    }

    static Decoded read(byte[] bytes) throws Unreadable {
        try {
            DataInputStream plain = new DataInputStream(new ByteArrayInputStream(bytes));
            if (bytes.length < 8 || plain.readInt() != MAGIC) {
                throw new Unreadable("not a run index snapshot");
            }
            int version = plain.readInt();
            if (version != VERSION) {
                throw new Unreadable("format version " + version + ", this version reads " + VERSION);
            }
            DataInputStream in = new DataInputStream(new BufferedInputStream(
                    new GZIPInputStream(new ByteArrayInputStream(bytes, 8, bytes.length - 8), 1 << 16), 1 << 16));
            FactoryRef factory = new FactoryRef(SnapshotFields.readText(in), SnapshotFields.readText(in),
                    SnapshotFields.readText(in));
            Header header = new Header(factory, SnapshotFields.readInstant(in), SnapshotFields.readInstant(in),
                    in.readBoolean());
            if (header.watermark() == null || header.heldSince() == null) {
                throw new Unreadable("corrupt (no watermark)");
            }
            int dictionary = count(in.readInt());
            RunStrings strings = new RunStrings();
            for (int i = 1; i < dictionary; i++) {
                if (strings.id(SnapshotFields.readText(in)) != i) {
                    throw new Unreadable("corrupt (a text twice in the dictionary)");
                }
            }
            int count = count(in.readInt());
            List<RunColumns> blocks = new ArrayList<>();
            for (int b = 0; b < count; b++) {
                blocks.add(readBlock(in, factory, strings, dictionary));
            }
            if (in.readInt() != MAGIC || in.read() != -1) {
                throw new Unreadable("corrupt (no end mark)");
            }
            return new Decoded(header, List.copyOf(blocks), strings);
        } catch (EOFException e) {
            throw new Unreadable("truncated");
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("corrupt (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static RunColumns readBlock(DataInputStream in, FactoryRef factory, RunStrings strings, int dictionary)
            throws IOException, Unreadable {
        int n = count(in.readInt());
        RunColumns c = new RunColumns(factory, strings, n, count(in.readInt()));
        longs(in, c.idHi);
        longs(in, c.idLo);
        longs(in, c.start);
        for (int r = 1; r < n; r++) {
            c.start[r] += c.start[r - 1];
        }
        longs(in, c.end);
        longs(in, c.updated);
        for (int r = 0; r < n; r++) {
            c.end[r] += c.start[r];
            c.updated[r] += c.start[r];
        }
        longs(in, c.durationMs);
        in.readFully(c.status);
        in.readFully(c.flags);
        for (int[] column : new int[][] {c.pipeline, c.message, c.byType, c.byName, c.parentPipeline, c.rerunOf,
                c.paramStart, c.params}) {
            ints(in, column);
        }
        longs(in, c.parentHi);
        longs(in, c.parentLo);
        int whole = count(in.readInt());
        for (int i = 0; i < whole; i++) {
            int row = in.readInt();
            if (row < 0 || row >= n || (c.flags[row] & RunColumns.WHOLE) == 0) {
                throw new Unreadable("corrupt (a whole run out of place)");
            }
            c.whole.put(row, SnapshotFields.readRun(in));
        }
        check(c, dictionary);
        return c.indexed();
    }

    /** What a question would trip over: text numbers, statuses, parameters, whole runs and the order of rows. */
    private static void check(RunColumns c, int dictionary) throws Unreadable {
        for (int[] column : new int[][] {c.pipeline, c.message, c.byType, c.byName, c.parentPipeline, c.rerunOf,
                c.params}) {
            for (int id : column) {
                if (id < 0 || id >= dictionary) {
                    throw new Unreadable("corrupt (a text out of the dictionary)");
                }
            }
        }
        if (c.paramStart[0] != 0 || c.paramStart[c.size] > c.params.length) {
            throw new Unreadable("corrupt (parameters)");
        }
        for (int r = 0; r < c.size; r++) {
            if (c.status[r] < 0 || c.status[r] >= STATUSES.length || c.paramStart[r + 1] < c.paramStart[r]
                    || ((c.flags[r] & RunColumns.WHOLE) != 0) != c.whole.containsKey(r)
                    || (r > 0 && c.sortKey(r) > c.sortKey(r - 1))) {
                throw new Unreadable("corrupt (row " + r + ")");
            }
        }
    }

    static int count(int n) throws Unreadable {
        if (n < 0 || n > MAX_ROWS) {
            throw new Unreadable("corrupt (a count of " + n + ")");
        }
        return n;
    }

    private static void longs(DataOutputStream out, long[] values) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(values.length * Long.BYTES);
        b.asLongBuffer().put(values);
        out.write(b.array());
    }

    private static void longs(DataInputStream in, long[] into) throws IOException {
        byte[] b = new byte[into.length * Long.BYTES];
        in.readFully(b);
        ByteBuffer.wrap(b).asLongBuffer().get(into);
    }

    private static void ints(DataOutputStream out, int[] values) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(values.length * Integer.BYTES);
        b.asIntBuffer().put(values);
        out.write(b.array());
    }

    private static void ints(DataInputStream in, int[] into) throws IOException {
        byte[] b = new byte[into.length * Integer.BYTES];
        in.readFully(b);
        ByteBuffer.wrap(b).asIntBuffer().get(into);
    }
}
