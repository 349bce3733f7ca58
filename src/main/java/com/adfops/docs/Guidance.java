package com.adfops.docs;

import java.util.List;

/**
 * Documentation found for an error or a question.
 *
 * @param source    who answered ("Microsoft Learn" or the built-in index), empty when nobody could
 * @param results   the best one to three results
 * @param note      a remark for the user, e.g. why the live source was not used; may be empty
 */
public record Guidance(String source, List<DocResult> results, String note) {

    public Guidance {
        results = results == null ? List.of() : List.copyOf(results);
        note = note == null ? "" : note;
        source = source == null ? "" : source;
    }

    public boolean available() {
        return !results.isEmpty();
    }

    public static Guidance unavailable(String note) {
        return new Guidance("", List.of(), note);
    }
}
