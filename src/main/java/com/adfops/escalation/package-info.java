/**
 * Escalating a failed run: {@link com.adfops.escalation.EscalationService} finds and diagnoses the run and records the
 * escalation once per run ({@link com.adfops.escalation.Escalations}, create-if-absent in the state store, so two
 * users or two instances escalate once). The Teams edge ({@code teams.EscalationFlow}) calls it from the card button
 * and posts the result to the incident channel; a click comes back as a typed
 * {@link com.adfops.escalation.EscalationOutcome}. May import the core ({@code runs}, {@code diagnosis}), {@code adf},
 * {@code state} and {@code docs}; never a face or the Bot SDK.
 */
package com.adfops.escalation;
