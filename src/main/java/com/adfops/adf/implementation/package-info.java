/**
 * The Data Factory port on azure-resourcemanager-datafactory: the only package that imports the Data Factory
 * SDK. Maps SDK models to {@code com.adfops.adf} records once ({@link com.adfops.adf.implementation.AdfModelMapper})
 * and SDK exceptions to {@link com.adfops.adf.DataFactoryException} kinds ({@link com.adfops.adf.implementation.AdfErrorMapper}).
 * The archive of older runs reads ADF's logs in a Log Analytics workspace
 * ({@link com.adfops.adf.implementation.LogAnalyticsArchive}: its queries are
 * {@link com.adfops.adf.implementation.LogAnalyticsKql}'s, its rows are read by
 * {@link com.adfops.adf.implementation.LogAnalyticsRows}).
 */
package com.adfops.adf.implementation;
