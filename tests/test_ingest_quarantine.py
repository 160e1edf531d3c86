"""Every kind of bad input becomes a Rejection with its reason; nothing raises, raw files stay as they were."""

import gzip
from pathlib import Path

import pytest

from pipelines.ingest.article import bytes_hash
from pipelines.ingest.files import REJECTION_REASONS, discover, read_input

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"

BAD_INPUTS = {
    "empty.txt": (b"", "empty"),
    "blank.md": (b"  \n\n\t \n", "empty"),
    "image.html": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    "nul.txt": (b"text with a \x00 NUL byte in it", "binary"),
    "latin.json": ('{"title": "Caf\xe9", "text": "Caf\xe9 au lait."}'.encode("latin-1"), "undecodable"),
    "broken.json": (b'{"title": "x", "text": "y"', "malformed_json"),
    "broken.jsonl": (b'{"title": "x", "text": \n', "malformed_json"),
    "boilerplate.txt": (b"Sign up for our weekly newsletter\n\nShare this article\n\nAdvertisement\n", "no_text"),
    "nobody.json": (b'{"title": "Only a title"}', "no_text"),
    "doc.pdf": (b"Just some text in a file with an extension nobody reads.", "unknown_extension"),
    "broken.gz.txt.gz": (b"\x1f\x8b\x08\x00garbage", "malformed_gzip"),
    "notafeed.xml": (b"<?xml version='1.0'?><catalog><book>x</book></catalog>", "malformed_xml"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_quarantined_with_reason(tmp_path, name):
    data, reason = BAD_INPUTS[name]
    path = tmp_path / name
    path.write_bytes(data)
    result = read_input(path, tmp_path)
    assert result.articles == []
    assert [r.reason for r in result.rejections] == [reason]
    rejection = result.rejections[0]
    assert rejection.source == name and rejection.detail and rejection.reason in REJECTION_REASONS
    assert rejection.content_hash is None or len(rejection.content_hash) == 64
    assert path.read_bytes() == data  # never modified


@pytest.mark.parametrize("name", ["billion_laughs.xml", "external_entity.rss"])
def test_hostile_xml_is_refused_before_parsing(tmp_path, name):
    result = read_input(FIXTURES / name, FIXTURES)
    assert result.articles == []
    [rejection] = result.rejections
    assert rejection.reason == "hostile_xml"
    assert rejection.content_hash == bytes_hash((FIXTURES / name).read_bytes())


def test_external_dtd_without_entities_is_not_hostile():
    feed = (
        b'<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
        b'"http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91"><channel><title>Old</title>'
        b"<item><title>Item</title><link>https://x.example/1</link><description>An old-style item body.</description>"
        b"</item></channel></rss>"
    )
    from pipelines.ingest.files import read_bytes

    result = read_bytes(feed, "old.rss", "old.rss")
    assert [a.text for a in result.articles] == ["Item\n\nAn old-style item body."]


def test_over_size_cap(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"Title\n\n" + b"word " * 1000)
    result = read_input(path, tmp_path, max_bytes=1000)
    assert [r.reason for r in result.rejections] == ["too_large"]


def test_gzip_bomb_stops_at_the_cap(tmp_path):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 5_000_000))
    assert path.stat().st_size < 100_000
    result = read_input(path, tmp_path, max_bytes=1_000_000)
    assert [r.reason for r in result.rejections] == ["too_large"]


def test_unreadable_path_does_not_raise(tmp_path):
    result = read_input(tmp_path / "missing.txt", tmp_path)
    assert [r.reason for r in result.rejections] == ["unreadable"]


def test_discover_skips_hidden_notes_and_partial_files(tmp_path):
    for rel in ("a.txt", "sub/deeper/b.html", "README.md", "sub/readme.txt", ".hidden.txt", ".git/config.txt",
                "sub/story.notes.md", "download.json.part", "edit.txt~"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Title\n\nBody.\n")
    outside = tmp_path.parent / f"{tmp_path.name}-outside.txt"
    outside.write_text("outside")
    (tmp_path / "link.txt").symlink_to(outside)
    items = discover(tmp_path)
    assert [(item.input_key, item.problem) for item in items] == [
        ("a.txt", None), ("link.txt", "outside_inbox"), ("sub/deeper/b.html", None)]
    assert items[1].sha256 is None  # the link is never followed
    item = items[0]
    assert item.size_bytes == len(b"Title\n\nBody.\n") and item.sha256 == bytes_hash(b"Title\n\nBody.\n")
    assert item.path == tmp_path.resolve() / "a.txt" and item.mtime > 0
    assert discover(tmp_path / "nope") == []


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from pipelines.ingest.files import read_bytes  # noqa: E402

_FRAGMENTS = [b"<html>", b"<p>", b"</p>", b"<rss>", b"<item>", b"<!ENTITY a 'b'>", b"---\n", b"title: x\n",
              b"{", b"}", b'"text": ', b"\n\n", b"\x00", b"\xff\xfe", b"Sign up for our newsletter\n", b"Body text. "]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    parts=st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.binary(max_size=40)), max_size=25),
    name=st.sampled_from(["a.txt", "a.md", "a.html", "a.json", "a.jsonl", "a.rss", "a.xml", "a.bin", "a.txt.gz"]),
)
def test_any_bytes_give_articles_or_rejections_without_reader_errors(parts, name):
    data = b"".join(parts)
    result = read_bytes(data, name, name)
    assert result.articles or result.rejections
    assert all(r.reason != "unreadable" for r in result.rejections), result.rejections
    for article in result.articles:
        assert article.text.strip() and "\n\n\n" not in article.text
