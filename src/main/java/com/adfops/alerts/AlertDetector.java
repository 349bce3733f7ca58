package com.adfops.alerts;

import com.adfops.adf.FactoryRef;
import java.time.Instant;
import java.util.List;

/**
 * One kind of alert beside failed runs (running long: {@link RunningLongAlerts}; a missed scheduled run, a run late
 * against its SLA or an integration runtime node offline go the same way). At each pass, after every factory's
 * failures (never holding them back), {@link AlertMonitor} asks each detector about each factory it read; the detector
 * judges what the conversations watch and raises each alert through {@link AlertDelivery#raise}, which claims it
 * once per conversation and posts its card. A new kind is a new detector, listed in {@link AlertMonitor}'s constructor.
 */
interface AlertDetector {

    /**
     * Raises this kind's alerts of one factory for the conversations that watch anything ({@code watchers}, never
     * empty); a factory that cannot be read now is skipped (the next pass judges it again).
     */
    void detect(FactoryRef f, List<String> watchers, Instant now);
}
