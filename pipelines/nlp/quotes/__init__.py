"""Quotations of one document: direct (quotation marks), mixed and reported speech, each with
its cue, speaker mention and resolved speaker entity."""

from pipelines.nlp.quotes.quotes import EXTRACTOR_VERSION, extract_quotes

__all__ = ["EXTRACTOR_VERSION", "extract_quotes"]
