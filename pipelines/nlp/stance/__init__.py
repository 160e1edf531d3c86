"""Stances: holder -> target -> favor / against rows with the evidence span (a quotation's speaker
or an attitude cue's subject toward a named target), from dependency rules where they are decisive
and a target-aware polarity model (models/polarity_minilm/, ONNX) elsewhere; and, on request,
author-voice sentiment per named mention (not stances)."""

from pipelines.nlp.stance.stance import EXTRACTOR_VERSION, extract_stances, mention_sentiments

__all__ = ["EXTRACTOR_VERSION", "extract_stances", "mention_sentiments"]
