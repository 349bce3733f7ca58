/**
 * Resolving from the card: rerun from the failed activity, rerun, cancel, each proposed on a confirmation card and
 * started only by a person's click on Confirm ({@link com.adfops.actions.ActionService}); who may act
 * ({@link com.adfops.actions.ActionPolicy}); exactly once (the confirmation is claimed with a create-if-absent write
 * before Data Factory is called, {@link com.adfops.actions.PendingActions}); following the new run to its outcome
 * ({@link com.adfops.actions.RunFollower}); the audit log and resolution notes ({@link com.adfops.actions.AuditLog}).
 * There is no model tool here: the model never acts.
 *
 * <p>May import {@code adf}, {@code agent}, {@code escalation} and {@code state}; never the Bot SDK or cards.
 */
package com.adfops.actions;
