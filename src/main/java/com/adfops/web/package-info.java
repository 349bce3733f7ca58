/**
 * Servlet helpers shared by the edge filters of the faces (the body limit in front of the Bot Framework and alert
 * endpoints, the MCP face's authorization filter). May import only the JDK and the Servlet API.
 */
package com.adfops.web;
