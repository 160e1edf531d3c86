"""Each reader on good input (fixtures written for these tests) and on broken input."""

import gzip
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

from pipelines.ingest.files import read_bytes, read_input

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def _fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def _blocks(text: str) -> list[str]:
    return text.split("\n\n")


# --- text / markdown ---------------------------------------------------------------------


def test_text_with_front_matter(tmp_path):
    (tmp_path / "news").mkdir()
    path = tmp_path / "news" / "story.md"
    path.write_text(
        "---\ntitle: Council backs plan\nurl: https://courier.example.org/plan\npublished: 2024-05-02\n"
        "publisher: The Lakeside Courier\nauthor: Mira Okafor\nlanguage: en-GB\ndesk: city\n---\n"
        "Council backs plan\n\nThe council backed the plan on Thursday.\n\nShare this article\n\nIt will cost 2 million.\n",
        encoding="utf-8",
    )
    [article] = read_input(path, tmp_path).articles
    assert article.source == "news/story.md"
    assert article.text == "Council backs plan\n\nThe council backed the plan on Thursday.\n\nIt will cost 2 million."
    assert article.canonical_url == "https://courier.example.org/plan"
    assert article.published_at == datetime(2024, 5, 2) and article.published_source == "front_matter"
    assert (article.publisher, article.author, article.language) == ("The Lakeside Courier", "Mira Okafor", "en")
    assert article.extra["desk"] == "city"


def test_plain_text_headline_and_month_precision(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("---\npublished: 2012-03\n---\nA headline here\n\nFirst paragraph.\nstill first.\n", encoding="utf-8")
    [article] = read_input(path, tmp_path).articles
    assert article.title == "A headline here"
    assert article.text == "A headline here\n\nFirst paragraph. still first."
    assert article.published_at == datetime(2012, 3, 1)
    assert article.extra["published_precision"] == "month"


def test_markdown_heading_is_the_title(tmp_path):
    path = tmp_path / "b.md"
    path.write_text("# Storm closes the coast road\n\nThe road will stay closed until Friday.\n", encoding="utf-8")
    [article] = read_input(path, tmp_path).articles
    assert article.title == "Storm closes the coast road"
    assert _blocks(article.text) == ["Storm closes the coast road", "The road will stay closed until Friday."]


def test_legacy_encoded_text_is_decoded(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Título\n\nA câmara aprovou o orçamento na quinta-feira, disse o presidente.\n".encode("latin-1"))
    [article] = read_input(path, tmp_path).articles
    assert "orçamento" in article.text


def test_malformed_front_matter_is_quarantined(tmp_path):
    path = tmp_path / "bad.md"
    path.write_text("---\ntitle: [unclosed\n---\nBody.\n", encoding="utf-8")
    result = read_input(path, tmp_path)
    assert result.articles == [] and [r.reason for r in result.rejections] == ["malformed_front_matter"]


# --- HTML --------------------------------------------------------------------------------


def test_html_page_main_text_and_metadata():
    result = read_bytes(_fixture("article.html"), "article.html", "pages/article.html")
    [article] = result.articles
    blocks = _blocks(article.text)
    assert blocks[0] == "Harbour council approves new ferry timetable" == article.title
    assert blocks[1].startswith("The harbour council voted on Thursday")
    assert any(block.startswith('"We listened to the people') for block in blocks)
    assert blocks[-1].startswith("The new timetable takes effect")
    for furniture in ("Most read", "cookies", "All rights reserved", "Sign up", "Home"):
        assert furniture not in article.text
    assert blocks.count(article.title) == 1
    assert article.author == "Mira Okafor"
    assert article.publisher == "The Lakeside Courier"
    assert article.canonical_url == "https://courier.example.org/news/harbour-ferry-timetable"
    assert article.published_at.date() == date(2024, 5, 2)  # htmldate keeps the page's wall-clock time
    assert article.published_source == "metadata"
    assert article.language == "en"


def test_html_date_from_url_when_no_metadata():
    page = (
        b"<html><head><title>Quiet week</title></head><body><article><h1>Quiet week</h1>"
        b"<p>Nothing much happened in the town this week, the mayor said on Friday afternoon, "
        b"and the council cancelled its meeting because there was nothing on the agenda to discuss.</p>"
        b"<p>Residents enjoyed the warm weather at the lake and the market was busier than usual.</p>"
        b"</article></body></html>"
    )
    [article] = read_bytes(page, "q.html", "q.html", url="https://courier.example.org/2023/07/14/quiet-week").articles
    assert article.published_at == datetime(2023, 7, 14)
    assert article.published_source == "url"


def test_html_date_from_page_text_and_stamp_line_dropped():
    page = (
        b"<html><head><title>Quiet week</title></head><body><article><h1>Quiet week</h1>"
        b"<p class='date'>Published 14 July 2023</p>"
        b"<p>Nothing much happened in the town this week, the mayor said on Friday afternoon, "
        b"and the council cancelled its meeting because there was nothing on the agenda.</p>"
        b"<p>Residents enjoyed the warm weather at the lake and the market was busier than usual.</p>"
        b"</article></body></html>"
    )
    [article] = read_bytes(page, "q.html", "q.html").articles
    # a date-classed element is page markup, which htmldate's fast pass reads
    assert article.published_at == datetime(2023, 7, 14) and article.published_source == "metadata"
    assert _blocks(article.text)[1].startswith("Nothing much happened")
    running = page.replace(b"<p class='date'>Published 14 July 2023</p>", b"").replace(
        b"the mayor said on Friday afternoon", b"the mayor said on 14 July 2023")
    [article] = read_bytes(running, "q.html", "q.html").articles
    assert article.published_source in ("text", "unknown")  # only running text: weaker evidence, if any


_BODY = (b"<p>Nothing much happened in the town this week, the mayor said on Friday afternoon, "
         b"and the council cancelled its meeting because there was nothing on the agenda.</p>"
         b"<p>Residents enjoyed the warm weather at the lake and the market was busier than usual.</p>")


def _page(head: bytes = b"", before: bytes = b"") -> bytes:
    return (b"<html><head><title>Quiet week</title>" + head + b"</head><body><article><h1>Quiet week</h1>"
            + before + _BODY + b"</article></body></html>")


def test_schema_org_microdata_outside_meta_gives_the_publication_date():
    # htmldate reads itemprop only on <meta>; a generic name="date" (here the page's build day) loses
    page = _page(b'<meta name="date" content="2023-09-30">',
                 b'<span itemprop="datePublished" datetime="2023-07-14T08:00:00">14 July</span>')
    [article] = read_bytes(page, "q.html", "q.html").articles
    assert article.published_at.date() == date(2023, 7, 14) and article.published_source == "metadata"


@pytest.mark.parametrize("label", [b"Published: 14 July 2023", b"Posted on Friday, July 14, 2023",
                                   b"Ver\xc3\xb6ffentlicht am 14.07.2023"])
def test_a_labelled_visible_date_outranks_a_generic_meta_date(label):
    page = _page(b'<meta name="date" content="2023-09-30">', b"<div>" + label + b"</div>")
    [article] = read_bytes(page, "q.html", "q.html").articles
    assert article.published_at.date() == date(2023, 7, 14) and article.published_source == "text"


def test_explicit_publication_markup_outranks_a_labelled_date():
    page = _page(b'<meta property="article:published_time" content="2023-09-30T10:00:00">',
                 b"<div>Published: 14 July 2023</div>")
    [article] = read_bytes(page, "q.html", "q.html").articles
    assert article.published_at.date() == date(2023, 9, 30) and article.published_source == "metadata"


def test_a_second_datepublished_does_not_override_agreeing_publication_markup():
    # a related item's microdata lower on the page; the page's own meta and htmldate agree
    page = _page(b'<meta itemprop="datePublished" content="2023-07-14T08:00:00">',
                 b'<span itemprop="datePublished" datetime="2023-09-30T10:00:00">30 September</span>')
    [article] = read_bytes(page, "q.html", "q.html").articles
    assert article.published_at.date() == date(2023, 7, 14)


def test_a_one_digit_slug_after_year_and_month_is_no_day():
    url = "https://courier.example.org/2023/10/3-questions-for-the-mayor"
    [article] = read_bytes(_page(), "q.html", "q.html", url=url).articles
    assert article.published_at is None or article.published_at.date() != date(2023, 10, 3)
    dated = "https://courier.example.org/2023/10/03/questions-for-the-mayor"
    [article] = read_bytes(_page(), "q.html", "q.html", url=dated).articles
    assert article.published_at == datetime(2023, 10, 3) and article.published_source == "url"


def test_saved_page_with_txt_name_is_read_as_html(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_bytes(_fixture("article.html"))
    [article] = read_input(path, tmp_path).articles
    assert article.title == "Harbour council approves new ferry timetable" and "<p" not in article.text


def test_html_without_text_is_quarantined():
    page = b"<html><head><title>Empty</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    result = read_bytes(page, "e.html", "e.html")
    assert result.articles == [] and [r.reason for r in result.rejections] == ["no_text"]


def test_a_page_without_text_keeps_its_date_on_the_quarantine_row(tmp_path):
    from pipelines.store import db
    from pipelines.store.articles import replace_quarantine

    page = (b"<html><head><title>Empty</title><meta property='article:published_time' "
            b"content='2019-11-05T08:30:00'></head><body><nav><a href='/'>Home</a></nav></body></html>")
    [rejection] = read_bytes(page, "e.html", "e.html").rejections
    assert (rejection.reason, rejection.published, rejection.published_source) == (
        "no_text", "2019-11-05T08:30:00", "metadata")
    with db.connect(tmp_path / "w.duckdb") as con:
        db.apply_sql(con)
        replace_quarantine(con, "e.html", [rejection])
        assert con.execute("SELECT published_at, published_source FROM quarantine").fetchone() == (
            datetime(2019, 11, 5, 8, 30), "metadata")


def test_html_that_is_not_markup_is_quarantined():
    result = read_bytes(b"\xef\xbb\xbf   <<<>>> ]]>", "junk.html", "junk.html")
    assert result.articles == []
    assert [r.reason for r in result.rejections] in (["malformed_html"], ["no_text"])


# --- JSON / JSONL --------------------------------------------------------------------------


def test_jsonl_reader_aliases_and_broken_lines():
    result = read_bytes(_fixture("articles.jsonl"), "articles.jsonl", "wire/articles.jsonl")
    wire, library = result.articles
    assert wire.source_item == "wire-1" and wire.publisher == "Example Wire"
    assert wire.text == (
        "PORT STRIKE ENDS AFTER TWO DAYS\n\nDock workers returned to work on Tuesday after a two-day strike, "
        "the union said.\n\nThe union said pay talks would resume next week."
    )
    assert wire.published_at == datetime(1991, 6, 4, 14, 20) and wire.published_source == "metadata"
    assert wire.canonical_url is None
    assert library.title == "Library extends opening hours"
    assert _blocks(library.text)[1:] == [
        "The central library will open until 9pm on weekdays from May.",
        "Staff said demand from students had grown.",
    ]
    assert library.author == "Ana Reyes; Tomas Lind"
    assert library.publisher == "The Lakeside Courier" and library.language == "en"
    assert library.published_at == datetime(2024, 4, 10)
    assert library.source_item == "line 2"
    reasons = {(r.reason, r.source_item) for r in result.rejections}
    assert reasons == {("malformed_json", "line 3"), ("no_text", "line 4")}
    assert all(r.content_hash for r in result.rejections)


def test_json_reader_list_under_articles_key():
    result = read_bytes(_fixture("article.json"), "article.json", "article.json")
    assert result.rejections == []
    fares, second = result.articles
    assert fares.title == "Ferry fares frozen for a year" and fares.author == "Mira Okafor"
    assert fares.published_at == datetime(2024, 5, 3, 9, 0)  # +02:00 normalised to UTC
    assert fares.canonical_url == "https://courier.example.org/fares-frozen"
    assert second.published_at == datetime(2024, 5, 3, 10, 0)  # epoch seconds
    assert (fares.source_item, second.source_item) == ("0", "1")


def test_gzipped_jsonl_is_read(tmp_path):
    path = tmp_path / "wire.jsonl.gz"
    with gzip.open(path, "wb") as handle:
        handle.write(_fixture("articles.jsonl"))
    assert len(read_input(path, tmp_path).articles) == 2


def test_malformed_json_file_is_quarantined():
    result = read_bytes(b'{"title": "x", "text": ', "x.json", "x.json")
    assert [r.reason for r in result.rejections] == ["malformed_json"]


# --- feeds -----------------------------------------------------------------------------------


def test_rss_feed_one_article_per_entry():
    result = read_bytes(_fixture("feed.rss"), "feed.rss", "feeds/courier.rss")
    budget, bridge = result.articles
    assert budget.source == "feeds/courier.rss" and budget.source_item == "courier-1001"
    assert budget.canonical_url == "https://courier.example.org/politics/mayor-budget-2025"
    assert budget.author == "Mira Okafor" and budget.publisher == "Lakeside Courier: Politics"
    assert budget.published_at == datetime(2024, 11, 12, 8, 15) and budget.published_source == "feed"
    assert budget.language == "en"
    assert _blocks(budget.text) == [
        "Mayor outlines budget for 2025",
        "The mayor set out her spending plans for 2025 on Monday, promising more money for schools.",
        '"Our children come first," she told the council.',
    ]
    assert bridge.text.endswith("the roads department said on Monday.")
    assert [(r.reason, r.source_item) for r in result.rejections] == [("no_text", "courier-1003")]


def test_atom_feed_content_and_summary():
    result = read_bytes(_fixture("feed.atom"), "feed.atom", "feed.atom")
    radweg, markt = result.articles
    assert _blocks(radweg.text)[1:] == [
        "Der Stadtrat hat am Donnerstag einen neuen Radweg entlang des Ufers beschlossen.",
        "Die Bauarbeiten sollen im Sommer beginnen.",
    ]
    assert radweg.author == "Jonas Berger" and radweg.language == "de"
    assert radweg.published_at == datetime(2024, 3, 1, 8, 0)  # published, not updated, in UTC
    assert markt.published_at == datetime(2024, 2, 28, 15, 0)  # falls back to updated
    assert markt.text == "Wochenmarkt zieht um\n\nDer Wochenmarkt findet ab April auf dem Kirchplatz statt."


def test_feed_sniffed_from_xml_extension_and_unknown_extension(tmp_path):
    for name in ("courier.xml", "courier.feed"):
        shutil.copy(FIXTURES / "feed.rss", tmp_path / name)
        assert len(read_input(tmp_path / name, tmp_path).articles) == 2


def test_malformed_feed_is_quarantined():
    result = read_bytes(b"<?xml version='1.0'?><notafeed><x>1</x></notafeed>", "x.xml", "x.xml")
    assert result.articles == [] and [r.reason for r in result.rejections] == ["malformed_xml"]
    result = read_bytes(b"<rss><channel><title>unterminated", "y.rss", "y.rss")
    assert result.articles == [] and result.rejections[0].reason in ("malformed_xml", "empty")
