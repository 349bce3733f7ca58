/**
 * The Data Factory port: what the bot may ask of a factory (pipeline runs, activity runs, one run), the
 * domain types it answers with ({@link com.adfops.adf.PipelineRun}, {@link com.adfops.adf.ActivityRun},
 * {@link com.adfops.adf.RunStatus}) and the errors a user can act on ({@link com.adfops.adf.DataFactoryException}).
 *
 * <p>May import only the JDK. The SDK lives in {@code adf.implementation}, the only package that imports
 * {@code com.azure.resourcemanager.datafactory}.
 */
package com.adfops.adf;
