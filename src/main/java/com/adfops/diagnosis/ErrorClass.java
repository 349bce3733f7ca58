package com.adfops.diagnosis;

/** What kind of problem an activity error is, with the one-line next step an on-call engineer should take. */
public enum ErrorClass {
    AUTHENTICATION("Authentication",
            "Check the linked service's credentials (password, key, service principal secret or managed identity) and renew any that expired."),
    PERMISSION("Permission",
            "Grant the identity the linked service uses (often the factory's managed identity) the role it needs on the target resource."),
    NETWORK("Network / connectivity",
            "Check the source is up and reachable from the integration runtime: firewall rules, private endpoints, DNS, and that a self-hosted IR is online."),
    DATA_SCHEMA("Data / schema",
            "Compare the incoming data with the expected schema and column mapping, fix the bad rows or the mapping, then rerun from the failed activity."),
    MISSING_SOURCE("Missing source",
            "Check that the upstream data landed (path, file name, date partition) or that the upstream job ran; rerun once it is there."),
    CAPACITY("Capacity / throttling",
            "Lower parallelism or DIUs, add retries with back-off, or scale up the target; rerun when the load is lower."),
    USER_CODE("Code / user script",
            "Open the notebook, script or function output for the stack trace, fix the code, then rerun from the failed activity."),
    CONFIGURATION("Configuration",
            "Fix the setting the message names (linked service, dataset, activity or integration runtime properties), publish, then rerun."),
    TRANSIENT("Transient / service",
            "The service on the other end failed or was briefly unavailable: rerun, and give the activity a retry policy; if it keeps failing, check the provider's status."),
    UNKNOWN("Unknown",
            "Open the run in ADF Studio monitoring for the full details; if it looks like a transient service error, rerun it.");

    private final String label;
    private final String nextStep;

    ErrorClass(String label, String nextStep) {
        this.label = label;
        this.nextStep = nextStep;
    }

    public String label() {
        return label;
    }

    public String nextStep() {
        return nextStep;
    }
}
