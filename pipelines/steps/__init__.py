"""The pipeline's steps as plain functions: Dagster assets, the CLI and the benchmarks call these.

planning: what is due (new or changed inputs, by content hash against `raw_inputs`);
ingest: one raw input -> articles + quarantine rows;
extract: stored article text -> entities, quotations, time expressions, claims, stances.
"""
