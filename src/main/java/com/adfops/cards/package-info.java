/**
 * Adaptive Card replies. Templates live in {@code src/main/resources/cards/*.json}, written in the Adaptive
 * Cards Templating Language; {@link com.adfops.cards.CardTemplateEngine} expands the subset they use (proved
 * equal to the official npm engine in tests) and {@link com.adfops.cards.CardFactory} builds each card's data
 * from domain results. May import {@code adf}, {@code agent} result types and Jackson; never the Bot SDK.
 */
package com.adfops.cards;
