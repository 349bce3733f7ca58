package com.adfops.schedule;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * ADF's time zone names to {@link ZoneId}s. ADF writes a recurrence's zone as a Windows name ("W. Europe Standard
 * Time", "Pacific Standard Time", "UTC"); the table {@code schedule/windows-zones.txt} maps each to its IANA zone as
 * the Unicode CLDR {@code windowsZones} mapping does for the territory "001". An IANA id ("Europe/Berlin") is taken as
 * it is. Any other name resolves to UTC, marked {@link ResolvedZone#known() unknown}, so a result can say it assumed UTC.
 */
public final class TimeZones {

    private static final String TABLE = "/schedule/windows-zones.txt";
    private static final Map<String, ZoneId> WINDOWS = load();

    private TimeZones() {
    }

    /**
     * A time zone name as written and what it resolved to.
     *
     * @param name  the name as written (null reads as "UTC")
     * @param zone  the zone
     * @param known false when the name is not a Windows or IANA name: the zone is then UTC, assumed
     */
    public record ResolvedZone(String name, ZoneId zone, boolean known) {
    }

    /** {@code name} (a Windows name, an IANA id or "UTC"; case-insensitive for Windows names) as a zone. */
    public static ResolvedZone resolve(String name) {
        if (name == null || name.isBlank()) {
            return new ResolvedZone("UTC", ZoneOffset.UTC, true);
        }
        String trimmed = name.trim();
        ZoneId windows = WINDOWS.get(trimmed.toLowerCase(Locale.ROOT));
        if (windows != null) {
            return new ResolvedZone(trimmed, windows, true);
        }
        if (trimmed.contains("/") || trimmed.equalsIgnoreCase("GMT") || trimmed.equalsIgnoreCase("Z")) {
            try {
                return new ResolvedZone(trimmed, ZoneId.of(trimmed.equalsIgnoreCase("GMT") ? "GMT" : trimmed), true);
            } catch (DateTimeException unknown) {
                // not an IANA id either: UTC, said so below
            }
        }
        return new ResolvedZone(trimmed, ZoneOffset.UTC, false);
    }

    /** The Windows names the table knows, lower case, each with its zone. */
    public static Map<String, ZoneId> windowsNames() {
        return WINDOWS;
    }

    private static Map<String, ZoneId> load() {
        Map<String, ZoneId> out = new TreeMap<>();
        try (InputStream in = TimeZones.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + TABLE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                int tab = line.indexOf('\t');
                if (line.startsWith("#") || tab < 0) {
                    continue;
                }
                out.put(line.substring(0, tab).trim().toLowerCase(Locale.ROOT), ZoneId.of(line.substring(tab + 1).trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(out);
    }
}
