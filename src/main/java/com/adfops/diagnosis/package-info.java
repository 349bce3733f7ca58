/**
 * Why a run failed: {@link com.adfops.diagnosis.Diagnoser} (root cause through nested pipelines and loops),
 * {@link com.adfops.diagnosis.ErrorClassifier} (error class by code and activity type),
 * {@link com.adfops.diagnosis.GuidanceFinder} and {@link com.adfops.diagnosis.Resolution} (what to do),
 * {@link com.adfops.diagnosis.FailureHistory} / {@link com.adfops.diagnosis.RunHistory} /
 * {@link com.adfops.diagnosis.ErrorSignature} (new or recurring), {@link com.adfops.diagnosis.RunComparison} (what
 * changed) and {@link com.adfops.diagnosis.FailureCauses} (what broke on each row of the failing list).
 *
 * <p>May import {@code runs}, {@code adf}, {@code docs} and the JDK; never a face or an SDK.
 */
package com.adfops.diagnosis;
