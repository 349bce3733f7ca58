/**
 * Escalating a failed run: {@link com.adfops.escalation.EscalationService} finds and diagnoses the run and records the
 * escalation once per run ({@link com.adfops.escalation.Escalations}, create-if-absent in the state store, so two
 * users or two instances escalate once). The Teams edge ({@code teams.EscalationFlow}) calls it from the card button
 * and posts the result to the incident channel. May import {@code adf}, {@code agent}, {@code state} and
 * {@code docs}; never the Bot SDK.
 */
package com.adfops.escalation;
