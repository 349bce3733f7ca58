package com.adfops.agent;

import com.adfops.runs.TimeWindow;
import java.util.List;

/** How windows and choices read inside the router's sentences and suggested questions. */
public final class Windows {

    private Windows() {
    }

    /**
     * A window as the end of a sentence: " yesterday", " in the last 3 days", " on Monday, Nov 23", " since Monday";
     * "" for none.
     */
    public static String phrase(TimeWindow w) {
        if (w == null) {
            return "";
        }
        String l = w.label();
        if (l.startsWith("the ")) {
            return " in " + l;
        }
        if (l.equals("today") || l.equals("yesterday") || l.equals("overnight") || l.startsWith("this ")
                || l.startsWith("since ")) {
            return " " + l;
        }
        return " on " + l;
    }

    /** "A or B", "A, B or C". */
    static String either(List<String> choices) {
        if (choices.size() <= 1) {
            return String.join("", choices);
        }
        return String.join(", ", choices.subList(0, choices.size() - 1)) + " or " + choices.get(choices.size() - 1);
    }

    /** The question a "did you mean" offers for each choice ({@code %s}), asking what was asked. */
    static String question(Intent.Question q, TimeWindow w) {
        if (q == null) {
            return w == null ? "Status of %s" : "Status of %s" + phrase(w);
        }
        return switch (q) {
            case RUNNING -> "Is %s still running?";
            case FINISHED -> "Is %s done?";
            case FAILING -> w == null ? "Is %s failing?" : "Did %s fail" + phrase(w) + "?";
            case HEALTHY -> w == null ? "Is %s OK?" : "Did %s succeed" + phrase(w) + "?";
            case RAN -> "Did %s run" + phrase(w) + "?";
        };
    }
}
