/**
 * What a failure reaches, from a factory's definitions: {@link com.adfops.impact.DependencyGraph} (pipelines, the
 * datasets they read and write, linked services, integration runtimes, Execute Pipeline parents and children,
 * triggers and tumbling window dependencies, case-insensitive as ADF), {@link com.adfops.impact.ImpactAnalysis} (the
 * downstream impact of a failed run: {@link com.adfops.impact.FailureImpact}; and what depends on a pipeline:
 * {@link com.adfops.impact.Dependants}) and {@link com.adfops.impact.RuntimeHealth} (self-hosted integration
 * runtimes: {@link com.adfops.impact.RuntimeReport}, the pipelines at risk, the nodes seen at a failure).
 *
 * <p>Pure and deterministic: "now" and the next expected run of a pipeline are the caller's parameters (never the
 * clock, never a schedule computed here). Results are typed records and enums; no user-facing sentence is built
 * here (the faces render them). {@link com.adfops.impact.FactoryImpact} is what
 * the faces call (the definitions read through the port, the graph built once per version of them). May import
 * {@code adf}, {@code runs}, {@code diagnosis} (a diagnosis's activity runs) and the JDK; never a face, a capability or an SDK.
 */
package com.adfops.impact;
