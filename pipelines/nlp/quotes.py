"""Quotations (issue 3)."""

EXTRACTOR_VERSION = "quotes-0.1"


def extract_quotes(doc, entities):
    return []
