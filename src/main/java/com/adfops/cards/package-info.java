/**
 * Adaptive Card replies, by family: one class and one template folder each ({@code src/main/resources/cards/<family>/*.json},
 * written in the Adaptive Cards Templating Language): {@link com.adfops.cards.RunCards} ({@code runs/}),
 * {@link com.adfops.cards.DiagnosisCards} ({@code diagnosis/}), {@link com.adfops.cards.AnalyticsCards}
 * ({@code analytics/}), {@link com.adfops.cards.AlertCards} ({@code alerts/}), {@link com.adfops.cards.ActionCards}
 * ({@code actions/}) and {@link com.adfops.cards.AdminCards} ({@code admin/}), with the formatting they share in
 * {@link com.adfops.cards.CardText}. {@link com.adfops.cards.CardFactory} is the entry point: a reply part to its family,
 * the expansion ({@link com.adfops.cards.CardTemplateEngine} expands the subset the templates use, its strings'
 * {@code ${...}} by {@code TemplateStrings} and {@code TemplateExpression}, proved equal to the official npm engine in
 * tests) and the redaction. May import the core's results ({@code adf}, {@code runs},
 * {@code diagnosis}, {@code analytics}, {@code docs}), {@code agent}'s replies and views, and Jackson; never the Bot SDK.
 */
package com.adfops.cards;
