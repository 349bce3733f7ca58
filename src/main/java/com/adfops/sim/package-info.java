/**
 * The embedded simulated Data Factory: a loopback HTTP server that answers the ADF REST API
 * (api-version 2018-06-01: queryPipelineRuns, queryActivityruns, get pipeline run) with ADF's JSON shapes,
 * filters, continuation-token paging and error bodies, so the real SDK code path runs without Azure. The server
 * ({@link com.adfops.sim.SimulatedDataFactoryServer}) routes each request to one handler per endpoint
 * ({@link com.adfops.sim.SimRoute}); the handlers share the request/response JSON
 * ({@link com.adfops.sim.SimExchange}), the pages and their tokens ({@link com.adfops.sim.SimPaging}), the filters
 * ({@link com.adfops.sim.RunFilters}) and how a run looks at an instant ({@link com.adfops.sim.RunViews}).
 *
 * <p>Serves a built-in dataset generated relative to now ({@link com.adfops.sim.BuiltInDataset}), a dataset
 * file ({@link com.adfops.sim.SimDataset#load}) or a factory generated from a few lines
 * ({@link com.adfops.sim.GeneratedFactory}, compact: a million runs fit). The factory's definitions (pipelines, datasets,
 * linked services, triggers, integration runtimes and their status, trigger runs) come from the dataset's
 * {@code "definitions"} section, the built-in factory's file or the pipelines that ran ({@link com.adfops.sim.SimDefinitions}),
 * with live changes for tests (a trigger stopped, a runtime node offline, a run missed). Runs are kept sorted
 * ({@link com.adfops.sim.RunTable}) so a page costs a binary search plus the page. May import the JDK and Jackson only.
 */
package com.adfops.sim;
