/**
 * The tools over the core, as machines call them: {@link com.adfops.tools.ToolRunner} holds each tool's name, JSON
 * schema and description, maps a call to the core ({@code runs}, {@code diagnosis}, {@code analytics}) and the result
 * to compact JSON within one budget (secrets masked, problems as results the caller can recover from). Two faces use
 * it: the model ({@code agent.foundry}) and other agents over MCP ({@code mcp}), so both get the same facts.
 *
 * <p>May import the core, {@code adf} and {@code docs}; never a face, a capability that acts, or an SDK.
 */
package com.adfops.tools;
