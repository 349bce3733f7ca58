package com.adfops.alerts;

import com.adfops.answers.AlertView;
import java.util.List;

/** An alert post as the monitor decides it; the Teams edge draws it. */
public sealed interface AlertCard {

    /** One alert: a watched pipeline's failed run (or a run running long), with its diagnosis inline. */
    record Single(AlertView view) implements AlertCard {
    }

    /** Too many new failures at once in one factory: one digest instead of a card each. */
    record Digest(String factory, List<AlertView> alerts) implements AlertCard {

        public Digest {
            alerts = List.copyOf(alerts);
        }
    }
}
