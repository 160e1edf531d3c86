"""Readers against the real pages and feeds in ../shared (skipped when that data is absent)."""

import gzip
import json
import re
from datetime import datetime

import pytest

from pipelines.ingest.byline import byline_text

from pipelines.ingest.files import read_bytes
from tests.conftest import shared_path

pytestmark = pytest.mark.slow

FEEDS = ["guardian.rss", "uolNoticias.rss", "encoding.rss", "heise.atom", "heraldsun.rss", "instant-article.rss"]


def test_every_shared_html_page_extracts_without_error():
    pages = sorted(shared_path("data", "html", "pages").glob("*.html.gz"))
    assert pages, "no pages in ../shared/data/html/pages"
    failures = []
    for page in pages:
        result = read_bytes(gzip.decompress(page.read_bytes()), page.name[: -len(".gz")], page.name)
        if len(result.articles) != 1 or result.rejections:
            failures.append((page.name, [(r.reason, r.detail) for r in result.rejections]))
            continue
        text = result.articles[0].text
        assert "\n\n\n" not in text and not re.search(r"[ \t]\n|\n[ \t]", text), page.name
    assert failures == []


def _expected_items(name: str) -> list[dict]:
    path = shared_path("data", "feeds", "expected", name.rsplit(".", 1)[0] + ".json")
    return json.loads(path.read_bytes().decode("utf-8", errors="replace"))["feed"]["items"]


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


@pytest.mark.parametrize("name", FEEDS)
def test_shared_feed_matches_expected_parse(name):
    data = shared_path("data", "feeds", name).read_bytes()
    result = read_bytes(data, name, f"feeds/{name}")
    items = _expected_items(name)
    assert len(result.articles) + len(result.rejections) == len(items)
    assert {r.reason for r in result.rejections} <= {"no_text"}
    by_link = {article.canonical_url: article for article in result.articles}
    checked = 0
    for item in items:
        article = by_link.get(item.get("link"))
        if article is None:
            continue
        checked += 1
        if item.get("title") and "\ufffd" not in item["title"]:
            assert _norm(article.title) == _norm(item["title"])
        if item.get("creator"):  # the byline as the feed gives it, cleaned to person names
            assert article.author == byline_text(_norm(item["creator"]))
            assert (article.extra.get("byline_as_given") or article.author) == _norm(item["creator"])
        if item.get("isoDate"):
            expected = datetime.fromisoformat(item["isoDate"].replace("Z", "+00:00")).replace(tzinfo=None)
            assert article.published_at == expected
            assert article.published_source == "feed"
        else:
            assert article.published_at is None
    assert checked == len(result.articles) > 0


def test_latin1_feed_without_declaration_is_recovered():
    data = shared_path("data", "feeds", "uolNoticias.rss").read_bytes()
    articles = read_bytes(data, "uolNoticias.rss", "uol").articles
    assert articles and all("\ufffd" not in a.text for a in articles)
    assert any("ç" in a.text or "ã" in a.text for a in articles)
