"""Idempotent writes of articles, their versions, and quarantined inputs."""

import hashlib
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


def write_articles(con, input_key: str, articles: list[Article], now: datetime | None = None) -> dict:
    """Insert new articles and new versions; unchanged articles only get last_seen advanced.

    Returns counts of new, new-version and unchanged articles. One transaction.
    """
    now = now or utc_now()
    articles = _dedupe(articles)
    stats = {"new": 0, "new_version": 0, "unchanged": 0}
    if not articles:
        return stats
    batch = pd.DataFrame({"article_id": [a.article_id for a in articles]})
    with transaction(con):
        con.register("article_batch", batch)
        existing = {row[0]: row for row in con.execute(read_sql("writes/existing_versions.sql")).fetchall()}
        rows, unchanged_ids, superseded_ids = [], [], []
        for article in articles:
            known = existing.get(article.article_id)
            text_hash = article.content_hash
            if known is not None and text_hash == known[3]:
                unchanged_ids.append(article.article_id)
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
        stats["unchanged"] = len(unchanged_ids)
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
    return stats


def _timestamp(value: str | None):
    """A rejected input's date as a naive timestamp (None when absent or unreadable)."""
    if not value:
        return None
    try:
        return pd.Timestamp(value).tz_localize(None) if pd.Timestamp(value).tzinfo else pd.Timestamp(value)
    except (ValueError, TypeError):
        return None


def replace_quarantine(con, input_key: str, rejections: list[Rejection], now: datetime | None = None) -> int:
    """The partition's quarantine rows become exactly `rejections` (keeping first quarantine times)."""
    now = now or utc_now()
    rows = {}
    for rejection in rejections:
        qid = quarantine_id(input_key, rejection)
        rows[qid] = {
            "quarantine_id": qid, "input_key": input_key, "source": rejection.source,
            "source_item": rejection.source_item, "reason": rejection.reason, "detail": rejection.detail[:2000],
            "content_hash": rejection.content_hash, "quarantined_at": now,
            "published_at": _timestamp(rejection.published), "published_source": rejection.published_source,
        }
    frame = pd.DataFrame(list(rows.values()), columns=[
        "quarantine_id", "input_key", "source", "source_item", "reason", "detail", "content_hash", "quarantined_at",
        "published_at", "published_source",
    ])
    with transaction(con):
        con.register("quarantine_batch", pa.Table.from_pandas(frame, preserve_index=False))
        # Keep the original quarantine time of a rejection seen before.
        previous = dict(con.execute(
            "SELECT quarantine_id, quarantined_at FROM quarantine WHERE input_key = ?", [input_key]
        ).fetchall())
        if previous and len(frame):
            frame["quarantined_at"] = [previous.get(q, now) for q in frame["quarantine_id"]]
            con.unregister("quarantine_batch")
            con.register("quarantine_batch", pa.Table.from_pandas(frame, preserve_index=False))
        con.execute("DELETE FROM quarantine WHERE input_key = ?", [input_key])
        if len(frame):
            con.execute("INSERT INTO quarantine BY NAME SELECT * FROM quarantine_batch")
        con.unregister("quarantine_batch")
    return len(frame)


def record_raw_input(con, input_key: str, location: str, content_hash: str | None, size_bytes: int | None,
                     n_articles: int, n_rejected: int, etag: str | None = None, last_modified: str | None = None,
                     now: datetime | None = None) -> None:
    con.execute(read_sql("writes/upsert_raw_input.sql"), {
        "input_key": input_key, "location": location, "content_hash": content_hash,
        "size_bytes": size_bytes, "n_articles": n_articles, "n_rejected": n_rejected, "etag": etag,
        "last_modified": last_modified, "now": now or utc_now(),
    })


def raw_input_state(con, input_key: str) -> dict | None:
    row = con.execute(
        "SELECT content_hash, etag, last_modified FROM raw_inputs WHERE input_key = ?", [input_key]
    ).fetchone()
    return None if row is None else {"content_hash": row[0], "etag": row[1], "last_modified": row[2]}
