package com.adfops.impact;

import java.time.Instant;
import java.util.List;

/**
 * A pipeline that uses an integration runtime.
 *
 * @param pipeline       the pipeline
 * @param linkedServices the linked services connecting via the runtime that it uses (by an activity or a dataset)
 * @param datasets       the datasets through which it uses them (empty when only its activities name them)
 * @param through        the child pipelines it executes through which it uses the runtime (empty when it uses it
 *                       itself); their linked services and datasets are in the lists above
 * @param nextRun        its next expected run, or null when unknown
 * @param atRisk         whether that next run falls within the horizon asked about
 */
public record RuntimeUser(String pipeline, List<String> linkedServices, List<String> datasets, List<String> through,
                          Instant nextRun, boolean atRisk) {

    public RuntimeUser {
        linkedServices = List.copyOf(linkedServices);
        datasets = List.copyOf(datasets);
        through = List.copyOf(through);
    }
}
