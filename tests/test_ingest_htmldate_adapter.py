"""htmldate's internal stages the HTML reader relies on (pipelines/ingest/htmldate_adapter.py):
these fail, naming the installed htmldate version, when a release moves or changes them."""

import lxml.html

from pipelines.ingest import htmldate_adapter
from pipelines.ingest.html_reader import DATE_FORMAT

MOVED = (f"htmldate {htmldate_adapter.HTMLDATE_VERSION} changed the internal stages "
         "pipelines/ingest/htmldate_adapter.py uses")

PAGE = """<html><head><title>Plan</title>
<meta property="article:published_time" content="2019-11-05T08:30:00+00:00">
<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2019-11-04"}</script>
</head><body><p>Council backs the plan.</p></body></html>"""
JSON_LD_ONLY = """<html><head><title>Plan</title>
<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2018-02-03T10:00:00"}</script>
</head><body><p>Council backs the plan.</p></body></html>"""


def test_the_private_stages_are_importable():
    assert htmldate_adapter.IMPORT_ERROR is None, f"{MOVED}: {htmldate_adapter.IMPORT_ERROR}"


def test_header_and_json_ld_stages():
    try:
        found = htmldate_adapter.header_date(lxml.html.fromstring(PAGE), DATE_FORMAT)
        found_json = htmldate_adapter.header_date(lxml.html.fromstring(JSON_LD_ONLY), DATE_FORMAT)
    except TypeError as exc:  # e.g. Extractor's fields renamed
        raise AssertionError(f"{MOVED}: {exc}") from exc
    assert found == "2019-11-05T08:30:00", f"{MOVED}: examine_header gave {found!r}"
    assert found_json == "2018-02-03T10:00:00", f"{MOVED}: json_search gave {found_json!r}"
    assert htmldate_adapter.header_date(lxml.html.fromstring("<html><body><p>x</p></body></html>"),
                                        DATE_FORMAT) is None


def test_url_stage():
    found = htmldate_adapter.url_date("https://news.example.org/2019/11/05/council-plan.html", DATE_FORMAT)
    assert found is not None and found.startswith("2019-11-05"), f"{MOVED}: extract_url_date gave {found!r}"
    assert htmldate_adapter.url_date("https://news.example.org/council-plan.html", DATE_FORMAT) is None
    assert htmldate_adapter.url_date(None, DATE_FORMAT) is None


def test_the_reader_imports_no_htmldate_internals():
    import pipelines.ingest.html_reader as reader

    names = vars(reader)
    assert not {"examine_header", "json_search", "extract_url_date", "Extractor"} & set(names)
