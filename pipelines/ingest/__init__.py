"""Ingestion: raw inputs -> Article / Rejection records (pure Python: no Dagster, no DuckDB).

Entry points:
    files.discover(raw_dir) -> list[RawInput]                 what is in the inbox
    files.read_input(path, raw_dir, max_bytes=...) -> ReadResult  one inbox file
    files.read_bytes(data, name, source, ...) -> ReadResult      bytes already in memory
    remote.load_sources(path) -> list[Source]                  sources.yaml
    remote.fetch(source, etag=None, last_modified=None, ...) -> FetchResult
    remote.read_remote(source, fetch_result) -> ReadResult

Readers: text_reader (.txt/.md + front matter), html_reader (trafilatura/htmldate),
json_reader (.json/.jsonl), feed_reader (RSS/Atom). Every reader ends in cleaning.py, so all
article texts share one shape: title line, blank line, paragraphs separated by blank lines.
"""
