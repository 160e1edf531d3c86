"""Idempotent writes of articles, their versions, and quarantined inputs."""

import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone

import pandas as pd
import pyarrow as pa

from pipelines.ingest.article import Article, Rejection
from pipelines.store.db import read_sql, transaction

ARTICLE_COLUMNS = [
    "article_id", "version", "is_current", "input_key", "source", "source_item", "canonical_url",
    "title", "author", "publisher", "published_at", "published_source", "published_precision", "language", "text",
    "char_length", "content_hash", "first_seen", "last_seen",
]


def utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)


def _naive_utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(timezone.utc).replace(tzinfo=None)
    return value


def quarantine_id(input_key: str, rejection: Rejection) -> str:
    key = "|".join([input_key, rejection.source_item or "", rejection.reason, rejection.content_hash or ""])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _dedupe(articles: list[Article]) -> list[Article]:
    """One row per article_id within a batch: a feed listing the same URL twice keeps the first."""
    seen, unique = set(), []
    for article in articles:
        if article.article_id not in seen:
            seen.add(article.article_id)
            unique.append(article)
    return unique


@dataclass
class InputWrite:
    """What one read input leaves in the warehouse: its articles, its quarantine rows (which
    replace the input's earlier ones) and its `raw_inputs` row."""

    input_key: str
    articles: list[Article]
    rejections: list[Rejection]
    location: str
    content_hash: str | None = None
    size_bytes: int | None = None
    etag: str | None = None
    last_modified: str | None = None


def write_inputs(con, writes: list[InputWrite], now: datetime | None = None) -> list[dict]:
    """Store many read inputs in one transaction (a commit per input costs more than the rows).
    Per input, in order: counts of new, new-version and unchanged articles and of quarantine rows.
    An article in several inputs is handled as if they were written one after the other."""
    now = now or utc_now()
    counts: list[dict] = []
    with transaction(con):
        for group in _without_shared_articles(writes):
            counts.extend(_write_article_rows(con, group, now))
        quarantined = _replace_quarantine_rows(con, writes, now)
        _upsert_raw_inputs(con, writes, now)
    for stats, n in zip(counts, quarantined, strict=True):
        stats["quarantined"] = n
    return counts


def write_articles(con, input_key: str, articles: list[Article], now: datetime | None = None) -> dict:
    """Insert new articles and new versions; unchanged articles only get last_seen advanced.

    Returns counts of new, new-version and unchanged articles. One transaction.
    """
    with transaction(con):
        [stats] = _write_article_rows(con, [InputWrite(input_key, articles, [], "")], now or utc_now())
    return stats


def replace_quarantine(con, input_key: str, rejections: list[Rejection], now: datetime | None = None) -> int:
    """The input's quarantine rows become exactly `rejections` (keeping first quarantine times)."""
    with transaction(con):
        [n] = _replace_quarantine_rows(con, [InputWrite(input_key, [], rejections, "")], now or utc_now())
    return n


def _without_shared_articles(writes: list[InputWrite]) -> list[list[InputWrite]]:
    """Consecutive groups of inputs in which no article id appears in two inputs."""
    groups, current, ids = [], [], set()
    for write in writes:
        own = {a.article_id for a in write.articles}
        if own & ids:
            groups.append(current)
            current, ids = [], set()
        current.append(write)
        ids |= own
    if current:
        groups.append(current)
    return groups


def _write_article_rows(con, writes: list[InputWrite], now: datetime) -> list[dict]:
    """Articles of inputs that share no article id; inside the caller's transaction."""
    batches = [(write.input_key, _dedupe(write.articles)) for write in writes]
    ids = [a.article_id for _key, articles in batches for a in articles]
    all_stats = [{"new": 0, "new_version": 0, "unchanged": 0} for _ in batches]
    if not ids:
        return all_stats
    con.register("article_batch", pd.DataFrame({"article_id": ids}))
    existing = {row[0]: row for row in con.execute(read_sql("writes/existing_versions.sql")).fetchall()}
    rows, unchanged_ids, superseded_ids = [], [], []
    for (input_key, articles), stats in zip(batches, all_stats):
        for article in articles:
            known = existing.get(article.article_id)
            text_hash = article.content_hash
            if known is not None and text_hash == known[3]:
                unchanged_ids.append(article.article_id)
                stats["unchanged"] += 1
                continue
            version = 1 if known is None else known[1] + 1
            if known is not None:
                superseded_ids.append(article.article_id)
            stats["new" if known is None else "new_version"] += 1
            rows.append({
                "article_id": article.article_id, "version": version, "is_current": True,
                "input_key": input_key, "source": article.source, "source_item": article.source_item,
                "canonical_url": article.canonical_url, "title": article.title, "author": article.author,
                "publisher": article.publisher, "published_at": _naive_utc(article.published_at),
                "published_source": article.published_source or "unknown",
                "published_precision": (article.extra or {}).get("published_precision") if article.published_at else None,
                "language": article.language,
                "text": article.text, "char_length": len(article.text), "content_hash": text_hash,
                "first_seen": now, "last_seen": now,
            })
    if superseded_ids:
        con.register("superseded", pd.DataFrame({"article_id": superseded_ids}))
        con.execute("UPDATE articles SET is_current = false WHERE article_id IN (SELECT article_id FROM superseded)")
        con.unregister("superseded")
    if unchanged_ids:
        con.register("unchanged", pd.DataFrame({"article_id": unchanged_ids}))
        con.execute("UPDATE articles SET last_seen = ? WHERE is_current AND article_id IN (SELECT article_id FROM unchanged)", [now])
        con.unregister("unchanged")
    if rows:
        frame = pd.DataFrame(rows, columns=ARTICLE_COLUMNS)
        frame["published_at"] = pd.to_datetime(frame["published_at"])
        con.register("new_articles", pa.Table.from_pandas(frame, preserve_index=False))
        con.execute("INSERT INTO articles BY NAME SELECT * FROM new_articles")
        con.unregister("new_articles")
    con.unregister("article_batch")
    return all_stats


def _timestamp(value: str | None):
    """A rejected input's date as a naive timestamp (None when absent or unreadable)."""
    if not value:
        return None
    try:
        return pd.Timestamp(value).tz_localize(None) if pd.Timestamp(value).tzinfo else pd.Timestamp(value)
    except (ValueError, TypeError):
        return None


QUARANTINE_COLUMNS = ["quarantine_id", "input_key", "source", "source_item", "reason", "detail", "content_hash",
                      "quarantined_at", "published_at", "published_source"]


def _replace_quarantine_rows(con, writes: list[InputWrite], now: datetime) -> list[int]:
    """Each input's quarantine rows become exactly its rejections, keeping the first quarantine
    time of a rejection seen before; inside the caller's transaction. Rows per input."""
    rows, per_input = {}, []
    for write in writes:
        before = len(rows)
        for rejection in write.rejections:
            qid = quarantine_id(write.input_key, rejection)
            rows[qid] = {
                "quarantine_id": qid, "input_key": write.input_key, "source": rejection.source,
                "source_item": rejection.source_item, "reason": rejection.reason, "detail": rejection.detail[:2000],
                "content_hash": rejection.content_hash, "quarantined_at": now,
                "published_at": _timestamp(rejection.published), "published_source": rejection.published_source,
            }
        per_input.append(len(rows) - before)
    frame = pd.DataFrame(list(rows.values()), columns=QUARANTINE_COLUMNS)
    con.register("quarantined_inputs", pd.DataFrame({"input_key": [w.input_key for w in writes]}))
    previous = dict(con.execute(read_sql("writes/quarantine_times_of_inputs.sql")).fetchall())
    if previous and len(frame):
        frame["quarantined_at"] = [previous.get(q, now) for q in frame["quarantine_id"]]
    con.execute("DELETE FROM quarantine WHERE input_key IN (SELECT input_key FROM quarantined_inputs)")
    if len(frame):
        con.register("quarantine_batch", pa.Table.from_pandas(frame, preserve_index=False))
        con.execute("INSERT INTO quarantine BY NAME SELECT * FROM quarantine_batch")
        con.unregister("quarantine_batch")
    con.unregister("quarantined_inputs")
    return per_input


def _upsert_raw_inputs(con, writes: list[InputWrite], now: datetime) -> None:
    frame = pd.DataFrame({
        "input_key": [w.input_key for w in writes], "location": [w.location for w in writes],
        "content_hash": pd.Series([w.content_hash for w in writes], dtype="object"),
        "size_bytes": pd.Series([w.size_bytes for w in writes], dtype="Int64"),
        "n_articles": [len(w.articles) for w in writes], "n_rejected": [len(w.rejections) for w in writes],
        "etag": pd.Series([w.etag for w in writes], dtype="object"),
        "last_modified": pd.Series([w.last_modified for w in writes], dtype="object"),
    })
    con.register("raw_input_batch", frame)
    con.execute(read_sql("writes/upsert_raw_inputs.sql"), {"now": now})
    con.unregister("raw_input_batch")


def raw_input_states(con, input_keys: list[str]) -> dict[str, dict]:
    """content_hash, etag and last_modified of the inputs the warehouse knows, by input key."""
    rows = con.execute("SELECT input_key, content_hash, etag, last_modified FROM raw_inputs "
                       "WHERE input_key IN (SELECT unnest(?))", [list(input_keys)]).fetchall()
    return {row[0]: {"content_hash": row[1], "etag": row[2], "last_modified": row[3]} for row in rows}


def raw_input_state(con, input_key: str) -> dict | None:
    row = con.execute(
        "SELECT content_hash, etag, last_modified FROM raw_inputs WHERE input_key = ?", [input_key]
    ).fetchone()
    return None if row is None else {"content_hash": row[0], "etag": row[1], "last_modified": row[2]}
