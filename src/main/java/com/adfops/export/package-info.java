/**
 * Compliance export: signed, short-lived links (HMAC-SHA256 over the request, its expiry and the conversation's
 * tenant) to a CSV of the runs in a window, served by the bot itself ({@code GET /api/export}). May import
 * the core ({@code runs}, {@code answers}) and {@code adf}; never a face or the Bot SDK.
 */
package com.adfops.export;
