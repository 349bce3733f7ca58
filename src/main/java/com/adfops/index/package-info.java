/**
 * The run index: one shared, incrementally refreshed memory of each configured factory's pipeline runs.
 * {@link com.adfops.index.RunIndex} is a {@link com.adfops.adf.DataFactory} in front of the real one: it loads the
 * horizon once, then asks Data Factory only for runs updated since its watermark (with an overlap for late writes),
 * answers questions inside the horizon from memory, caches activity runs of finished runs, collapses identical
 * concurrent reads, and keeps answering (marked stale) while a refresh fails. May import {@code adf} and the JDK.
 */
package com.adfops.index;
