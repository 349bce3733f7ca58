/**
 * Resolving from the card: rerun from the failed activity, rerun, cancel, each proposed on a confirmation card and
 * started only by a person's click on Confirm ({@link com.adfops.actions.ActionService}); who may act
 * ({@link com.adfops.actions.ActionPolicy}); exactly once (the confirmation is claimed with a create-if-absent write
 * before Data Factory is called, {@link com.adfops.actions.PendingActions}); following the new run to its outcome
 * ({@link com.adfops.actions.RunFollower}); the audit log and resolution notes ({@link com.adfops.actions.AuditLog}).
 * There is no model tool here: the model never acts.
 *
 * Every click comes back as a typed {@link com.adfops.actions.ActionOutcome}; the Teams edge writes the words.
 *
 * <p>May import the core ({@code runs}, {@code diagnosis}, {@code answers}), {@code adf}, {@code escalation} and
 * {@code state}; never a face ({@code agent}, {@code cards}, {@code teams}) or the Bot SDK.
 */
package com.adfops.actions;
