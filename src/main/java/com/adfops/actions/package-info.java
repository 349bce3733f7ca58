/**
 * Resolving from the card: rerun from the failed activity, rerun, cancel, each proposed on a confirmation card and
 * started only by a person's click on Confirm ({@link com.adfops.actions.ActionService}); who may act
 * ({@link com.adfops.actions.ActionPolicy}); exactly once (the confirmation is claimed with a create-if-absent write
 * before Data Factory is called, {@link com.adfops.actions.PendingActions}); following the new run to its outcome
 * ({@link com.adfops.actions.RunFollower}); the audit log and resolution notes ({@link com.adfops.actions.AuditLog}).
 * There is no model tool here: the model never acts.
 *
 * Every click comes back as a typed {@link com.adfops.actions.ActionOutcome}; the Teams edge writes the words. An
 * action is a {@link com.adfops.actions.PendingAction} in parts that change together (the proposal, where it stands,
 * who decided, what came of it, its cards), stored flat as {@link com.adfops.actions.StoredAction} so a confirmation
 * written by an older version is still read; how it ended ({@link com.adfops.answers.ActionEnding}) and why someone
 * may not act ({@link com.adfops.answers.ActionRefusal}) are facts, never sentences.
 *
 * <p>May import the core ({@code runs}, {@code diagnosis}, {@code answers}), {@code adf}, {@code escalation} and
 * {@code state}; never a face ({@code agent}, {@code cards}, {@code teams}) or the Bot SDK.
 */
package com.adfops.actions;
