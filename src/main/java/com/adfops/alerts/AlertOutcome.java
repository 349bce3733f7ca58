package com.adfops.alerts;

import com.adfops.answers.AlertView;

/** What an Acknowledge or Snooze click came to, for a face to render. No sentence is built here. */
public sealed interface AlertOutcome {

    /** The alert's card as it now stands (to replace the clicked card). */
    record Shown(AlertView view) implements AlertOutcome {
    }

    /** Snooze with a span that is not one of the card's (1 hour, 4 hours, until tomorrow 08:00). */
    record UnknownSpan() implements AlertOutcome {
    }

    /** The alert is unknown (another installation, or long gone). */
    record OutOfDate() implements AlertOutcome {
    }
}
