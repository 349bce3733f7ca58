package com.adfops.answers;

import java.util.List;

/**
 * Why someone may not rerun or cancel a factory's runs from the card, as facts; each face writes the sentence.
 *
 * @param why     which refusal
 * @param factory the factory
 * @param who     the display name of who clicked
 * @param whoCan  who may act on the factory instead ({@link Why#UNKNOWN_IDENTITY} and {@link Why#NOT_LISTED}); else empty
 */
public record ActionRefusal(Why why, String factory, String who, List<Principal> whoCan) {

    /** Which refusal. */
    public enum Why {
        /** Nobody is listed at all on a real factory: actions from the card are off. */
        TURNED_OFF,
        /** People are listed, but none for this factory. */
        NOBODY_HERE,
        /** The click carried no Entra object id, so the clicking user cannot be matched. */
        UNKNOWN_IDENTITY,
        /** The clicking user is not listed for this factory. */
        NOT_LISTED
    }

    /**
     * One principal who may act.
     *
     * @param label its display name from the settings; null when none was given
     * @param id    its Entra object id
     * @param group whether it is a group
     */
    public record Principal(String label, String id, boolean group) {
    }

    public ActionRefusal {
        whoCan = whoCan == null ? List.of() : List.copyOf(whoCan);
    }
}
