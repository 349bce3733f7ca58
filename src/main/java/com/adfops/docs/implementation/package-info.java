/** The documentation port on the MCP Java SDK: Microsoft Learn's MCP server over Streamable HTTP. */
package com.adfops.docs.implementation;
