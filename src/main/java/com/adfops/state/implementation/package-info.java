/** The state port on Azure Blob Storage (azure-storage-blob): ETags for optimistic concurrency. */
package com.adfops.state.implementation;
