/**
 * The Data Factory port on azure-resourcemanager-datafactory: the only package that imports the Data Factory
 * SDK. Maps SDK models to {@code com.adfops.adf} records once ({@link com.adfops.adf.implementation.AdfModelMapper})
 * and SDK exceptions to {@link com.adfops.adf.DataFactoryException} kinds ({@link com.adfops.adf.implementation.AdfErrorMapper}).
 */
package com.adfops.adf.implementation;
