/**
 * Alerts in the conversation before anyone asks: what each chat or channel thread watches
 * ({@link com.adfops.alerts.Watches}), detecting watched pipelines' failed runs from the run index and posting one
 * alert per run and conversation, grouped and digested ({@link com.adfops.alerts.AlertMonitor}: the pass;
 * {@link com.adfops.alerts.FailedRunAlerts}: which failures each conversation is alerted of, on which card), the
 * other kinds of alert, one {@link com.adfops.alerts.AlertDetector} each ({@link com.adfops.alerts.RunningLongAlerts},
 * {@link com.adfops.alerts.ScheduleAlertKind}, {@link com.adfops.alerts.RuntimeAlerts}: an unhealthy self-hosted
 * integration runtime and the pipelines at risk),
 * all claimed and posted one way ({@link com.adfops.alerts.AlertDelivery}: the lease, retries, card updates),
 * acknowledging and snoozing ({@link com.adfops.alerts.AlertService}), and updating the card when the pipeline
 * recovers or its Azure Monitor alert resolves ({@link com.adfops.alerts.AlertRecovery}). Azure Monitor alerts come in
 * through {@link com.adfops.alerts.AlertWebhook}. Alert state lives in the state store
 * ({@link com.adfops.alerts.AlertStore}): claims decide who posts, the watermark survives restarts. Posting is the
 * Teams edge's part ({@link com.adfops.alerts.AlertPoster}).
 *
 * Clicks come back as {@link com.adfops.alerts.AlertOutcome}s and posts go out as {@link com.adfops.alerts.AlertCard}s;
 * the Teams edge draws them.
 *
 * <p>May import the core ({@code runs}, {@code diagnosis}, {@code schedule}, {@code impact}, {@code answers}), {@code adf}, {@code docs} and
 * {@code state}; never a face ({@code agent}, {@code cards}, {@code teams}) or the Bot SDK.
 */
package com.adfops.alerts;
