/**
 * Documentation guidance: the {@link com.adfops.docs.DocsSearch} port, the built-in offline index, and
 * {@link com.adfops.docs.DocsService}, which asks Microsoft Learn (through MCP) first, falls back to the built-in
 * index, caches guidance per error and keeps a slow or down server from costing more than one timeout.
 * May import the JDK and Jackson; the MCP SDK only in {@code docs.implementation}.
 */
package com.adfops.docs;
