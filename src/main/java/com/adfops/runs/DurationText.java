package com.adfops.runs;

import java.time.Duration;

/** The one way a duration is written on cards, alerts and tool outputs. */
public final class DurationText {

    private DurationText() {
    }

    /** A duration as every card and alert writes it: "45s", "12m 5s", "2h 3m". */
    public static String text(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m " + (s % 60) + "s";
        }
        return (s / 3600) + "h " + ((s % 3600) / 60) + "m";
    }
}
