package com.adfops.sim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The text forms of a {@link GeneratedFactory}'s runs: ADF's times, the parameters' days, hex ids from a mixed seed. */
final class GeneratedFormat {

    private static final DateTimeFormatter ADF_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    private GeneratedFormat() {
    }

    /** ADF's form, {@code 2026-11-26T02:03:10.1230000Z}, written without a formatter (a page writes three a run). */
    static String time(long ms) {
        long days = Math.floorDiv(ms, 86_400_000L);
        long inDay = Math.floorMod(ms, 86_400_000L);
        java.time.LocalDate d = java.time.LocalDate.ofEpochDay(days);
        if (d.getYear() < 1000 || d.getYear() > 9999) {
            return ADF_TIME.format(Instant.ofEpochMilli(ms));
        }
        char[] c = "0000-00-00T00:00:00.0000000Z".toCharArray();
        put(c, 0, d.getYear(), 4);
        put(c, 5, d.getMonthValue(), 2);
        put(c, 8, d.getDayOfMonth(), 2);
        put(c, 11, (int) (inDay / 3_600_000), 2);
        put(c, 14, (int) (inDay / 60_000 % 60), 2);
        put(c, 17, (int) (inDay / 1000 % 60), 2);
        put(c, 20, (int) (inDay % 1000), 3);
        return new String(c);
    }

    private static void put(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    static String day(long ms) {
        return DAY.format(Instant.ofEpochMilli(ms));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static String hex(long v, int digits) {
        char[] c = new char[digits];
        for (int i = digits - 1; i >= 0; i--) {
            c[i] = Character.forDigit((int) (v & 0xf), 16);
            v >>>= 4;
        }
        return new String(c);
    }
}
