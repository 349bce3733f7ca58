/**
 * Compliance export: signed, short-lived links (HMAC-SHA256 over the request, its expiry and the conversation's
 * tenant) to a CSV of the runs in a window, served by the bot itself ({@code GET /api/export}). May import
 * {@code adf} and {@code agent}; never the Bot SDK or cards.
 */
package com.adfops.export;
