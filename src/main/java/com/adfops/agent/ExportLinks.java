package com.adfops.agent;

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
