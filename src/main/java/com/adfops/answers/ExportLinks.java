package com.adfops.answers;

import java.time.Instant;

/** Signed, short-lived download links for a compliance export (the export capability signs and serves them). */
public interface ExportLinks {

    /**
     * A link to the CSV of the runs of {@code pipelines} (a name or a pattern with *, or null for all) of
     * {@code factory} (or null for all) between {@code from} and {@code to}, for the conversation's {@code tenant};
     * empty when exports are not available.
     */
    java.util.Optional<String> link(String factory, String pipelines, Instant from, Instant to, String tenant);

    /** How long a link works, in minutes. */
    long minutes();

    /** Whether an export's summary can be shared to a report channel (one is configured). */
    default boolean shareable() {
        return false;
    }

    /** {@code links}, with sharing to a channel offered or not. */
    static ExportLinks sharing(ExportLinks links, boolean shareable) {
        return new ExportLinks() {
            @Override
            public java.util.Optional<String> link(String factory, String pipelines, Instant from, Instant to, String tenant) {
                return links.link(factory, pipelines, from, to, tenant);
            }

            @Override
            public long minutes() {
                return links.minutes();
            }

            @Override
            public boolean shareable() {
                return shareable;
            }
        };
    }

    ExportLinks NONE = new ExportLinks() {
        @Override
        public java.util.Optional<String> link(String factory, String pipelines, Instant from, Instant to, String tenant) {
            return java.util.Optional.empty();
        }

        @Override
        public long minutes() {
            return 0;
        }
    };
}
