/**
 * The run index: one shared, incrementally refreshed memory of each configured factory's pipeline runs.
 * {@link com.adfops.index.RunIndex} is a {@link com.adfops.adf.DataFactory} in front of the real one: it loads the
 * horizon newest first (the last hour, the last day, then day by day, a few slices in flight:
 * {@link com.adfops.index.Backfill}) and answers from each part as it lands ({@link com.adfops.index.MemoryQuery}; an
 * older part of a window is read from Data Factory, {@link com.adfops.index.ColdReads}; {@link
 * com.adfops.adf.Freshness.Reach} says how far back the memory reaches), then asks Data Factory only for runs updated
 * since its watermark, the newest update Data Factory listed (on its clock), with an overlap for late writes
 * ({@link com.adfops.index.Refresher}) that is narrowed so a busy factory's refresh reads one page and widened by the
 * late writes it sees ({@link com.adfops.index.RefreshOverlap}). Each factory's memory
 * ({@link com.adfops.index.FactoryIndex}) is a {@link com.adfops.index.Snapshot} of blocks of columns
 * ({@link com.adfops.index.RunColumns}: about 140 bytes a run at a million runs), at most the memory budget of them
 * (the newest); the records of the newest rows and of the pipelines questions named last are kept once built
 * ({@link com.adfops.index.KeptRecords}). It caches activity runs of finished runs, collapses identical concurrent reads
 * ({@link com.adfops.index.SingleFlight}), and keeps answering (marked stale) while a refresh fails. With a
 * {@link com.adfops.index.SnapshotStore} (the state store, adapted in the wiring) it keeps a binary snapshot of each
 * factory's memory ({@link com.adfops.index.SnapshotFormat}, {@link com.adfops.index.DurableSnapshots}): a restart
 * publishes it at once and asks Data Factory only for what changed since its watermark.
 * {@link com.adfops.index.DefinitionsCache} keeps each factory's definitions (pipelines, datasets, linked services,
 * triggers, integration runtimes), read in the background and every few minutes, the last good copy when a read
 * fails. May import {@code adf} and the JDK.
 */
package com.adfops.index;
