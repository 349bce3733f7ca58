package com.adfops.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of the bot (its pid in {@code BOT_PID}) and of this generator over the measured window, from
 * {@code /proc/<pid>/stat} (utime + stime, in clock ticks: {@code CLK_TCK}, default 100). Linux only; elsewhere, or
 * without {@code BOT_PID}, it reports nothing.
 */
final class CpuWindow {

    private final String botPid = System.getenv("BOT_PID");
    private final double ticksPerSecond = Double.parseDouble(System.getenv().getOrDefault("CLK_TCK", "100"));
    private volatile long botStart = -1;
    private volatile long selfStart = -1;
    private volatile long startNanos;
    private volatile long botTicks = -1;
    private volatile long selfTicks = -1;
    private volatile long nanos;

    void start() {
        startNanos = System.nanoTime();
        botStart = ticks(botPid);
        selfStart = ticks("self");
    }

    void end() {
        long b = ticks(botPid);
        long s = ticks("self");
        nanos = System.nanoTime() - startNanos;
        botTicks = b < 0 || botStart < 0 ? -1 : b - botStart;
        selfTicks = s < 0 || selfStart < 0 ? -1 : s - selfStart;
    }

    /** "bot CPU 2.9 ms per answer (0.87 cores), generator 0.9 ms per answer (0.27 cores)", or empty. */
    String report(long answers) {
        if (botTicks < 0 || nanos == 0) {
            return "";
        }
        double seconds = nanos / 1e9;
        double bot = botTicks / ticksPerSecond;
        double self = selfTicks / ticksPerSecond;
        return String.format("bot CPU %.2f ms per answer (%.2f cores over %.1f s, %d answers), generator %.2f ms per "
                + "answer (%.2f cores)", answers == 0 ? Double.NaN : bot * 1000 / answers, bot / seconds, seconds,
                answers, answers == 0 ? Double.NaN : self * 1000 / answers, self / seconds);
    }

    private static long ticks(String pid) {
        if (pid == null || pid.isBlank()) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            // Fields after the command's closing parenthesis: state is the first, utime the 12th, stime the 13th.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (Exception e) {
            return -1;
        }
    }
}
