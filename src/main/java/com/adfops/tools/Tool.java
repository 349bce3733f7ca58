package com.adfops.tools;

import com.adfops.analytics.CostSummary;
import com.adfops.analytics.TrendSummary;
import com.adfops.diagnosis.Diagnosis;
import com.adfops.runs.FailingSummary;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;

/**
 * One tool the model and MCP call: how a call becomes a call of the core and the result compact JSON. Its schema and
 * description are {@link ToolCatalog}'s; {@link ToolRunner} registers it under its name and dispatches to it. A new
 * tool is a new class, registered there, plus its catalog entry.
 */
@FunctionalInterface
interface Tool {

    /**
     * Runs a call with its arguments (a JSON object). Bad arguments throw {@link IllegalArgumentException} saying the
     * fix, a Data Factory failure {@link com.adfops.adf.DataFactoryException}: {@link ToolRunner} makes both results.
     */
    Result run(ObjectNode args, ZoneId zone);

    /** What a call answered: its output for the model and what the bot can show (a card's result, if any). */
    record Result(String output, FailingSummary failing, Diagnosis diagnosis, TrendSummary trends, CostSummary cost) {

        /** The compact JSON, as the model gets it ({@link ToolJson#output}). */
        static Result of(ObjectNode out) {
            return new Result(ToolJson.output(out), null, null, null, null);
        }

        /** An output already made (compact JSON, as {@link ToolRunner.FailedRun#answer()}). */
        static Result of(String output) {
            return new Result(output, null, null, null, null);
        }

        static Result failing(ObjectNode out, FailingSummary failing) {
            return new Result(ToolJson.output(out), failing, null, null, null);
        }

        static Result diagnosis(ObjectNode out, Diagnosis diagnosis) {
            return new Result(ToolJson.output(out), null, diagnosis, null, null);
        }

        static Result trends(ObjectNode out, TrendSummary trends) {
            return new Result(ToolJson.output(out), null, null, trends, null);
        }

        static Result cost(ObjectNode out, CostSummary cost) {
            return new Result(ToolJson.output(out), null, null, null, cost);
        }
    }
}
