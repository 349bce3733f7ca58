package com.adfops.actions;

import com.adfops.adf.DataFactoryException;
import com.adfops.adf.PipelineRun;
import com.adfops.answers.ActionKind;
import com.adfops.answers.ActionRefusal;
import com.adfops.answers.ActionView;

/**
 * What an action click came to, for a face to render: the action card as it now stands, or why nothing was done.
 * No sentence is built here; the Teams edge writes the words.
 */
public sealed interface ActionOutcome {

    /** The action's card as it now stands (to replace the clicked card, or as a new one). */
    record Shown(ActionView view) implements ActionOutcome {
    }

    /** The action does not fit the run's status (nothing to cancel, still running, nothing failed). */
    record NotApplicable(ActionKind kind, PipelineRun run, Why why) implements ActionOutcome {

        public enum Why {
            /** A cancel of a run that has already ended. */
            ALREADY_ENDED,
            /** A rerun of a run still in progress. */
            STILL_RUNNING,
            /** A rerun from the failed activity of a run in which nothing failed. */
            NOTHING_FAILED
        }
    }

    /** Who clicked may not act here; the policy's refusal says why and who can. The refusal is audited. */
    record Refused(ActionRefusal refusal) implements ActionOutcome {
    }

    /** Resolved was clicked with an empty note. */
    record NoteMissing() implements ActionOutcome {
    }

    /** The card no longer matches anything the bot knows. */
    record OutOfDate(Why why, String runId) implements ActionOutcome {

        public enum Why {
            /** The button carried no run id. */
            NO_RUN,
            /** Data Factory no longer has the run. */
            RUN_GONE,
            /** Data Factory no longer has the run, so the resolution was not recorded. */
            RUN_GONE_NOT_RESOLVED,
            /** The confirmation clicked Confirm on is unknown (another installation, or long gone). */
            UNKNOWN_CONFIRMATION,
            /** The confirmation clicked Cancel on is unknown. */
            UNKNOWN_TO_DISMISS
        }
    }

    /** Data Factory could not be read. */
    record Failed(DataFactoryException error) implements ActionOutcome {
    }
}
