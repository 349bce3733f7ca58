/**
 * The run queries, the lowest layer of what the bot knows: {@link com.adfops.runs.AdfTools} (runs of a window, a
 * pipeline or a group, with names resolved by {@link com.adfops.runs.NameMatcher} and {@link com.adfops.runs.KnownNames}),
 * {@link com.adfops.runs.TimeWindow} and its parser, {@link com.adfops.runs.RunSummaries} (runs to the failing list and
 * a pipeline's status), running long ({@link com.adfops.runs.RunningLong} against a
 * {@link com.adfops.runs.DurationBaseline} kept by {@link com.adfops.runs.RunBaselines}), and the human cause of an
 * error message ({@link com.adfops.runs.ErrorText}, {@link com.adfops.runs.HtmlText}).
 *
 * <p>Results are typed records; no user-facing sentence is built here except the literal texts of an error.
 * May import {@code adf}, {@code billing} and the JDK; never a face ({@code agent}, {@code cards}, {@code teams},
 * {@code mcp}), another capability or an SDK.
 */
package com.adfops.runs;
