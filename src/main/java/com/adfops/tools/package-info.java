/**
 * The tools over the core, as machines call them: {@link com.adfops.tools.ToolCatalog} holds each tool's JSON schema
 * and description by name; {@link com.adfops.tools.ToolRunner} runs a call by handing it to its tool (one class each,
 * e.g. {@code PipelineRunsTool}, {@code RunStatsTool}, {@code CostTool}), which maps it to the core ({@code runs},
 * {@code diagnosis}, {@code analytics}) and the result to compact JSON ({@code ToolJson}: the shared shapes, one
 * budget, secrets masked); problems are results the caller can recover from. Two faces use
 * it: the model ({@code agent.foundry}) and other agents over MCP ({@code mcp}), so both get the same facts.
 *
 * <p>May import the core, {@code adf} and {@code docs}; never a face, a capability that acts, or an SDK.
 */
package com.adfops.tools;
