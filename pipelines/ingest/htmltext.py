"""HTML fragments (feed entries, JSON bodies) to paragraphs of plain text."""

import re

import lxml.html
from lxml import etree

BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr",
    "table", "section", "article", "header", "footer", "pre", "dd", "dt", "hr", "figure",
}
DROPPED_TAGS = ("script", "style", "noscript", "iframe", "figcaption", "svg", "template", "button", "form")
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?\s*>")


def looks_like_html(text: str) -> bool:
    """True when a string carries markup (a text body that should be converted first)."""
    return len(_TAG.findall(text[:20000])) >= 2 or bool(re.search(r"<(?:p|br|div)\b", text[:20000], re.I))


def html_to_paragraphs(html: str) -> list[str]:
    """Block-level elements become separate lines; inline markup is flattened."""
    if not html or not html.strip():
        return []
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return []
    for element in list(root.iter(*DROPPED_TAGS)):
        parent = element.getparent()
        if parent is not None:
            element.drop_tree()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
            if element.tag != "br":
                element.text = "\n" + (element.text or "")
    return [line for line in root.text_content().split("\n") if line.strip()]
