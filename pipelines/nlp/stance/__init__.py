"""Stances: holder -> target -> favor / against / neutral with the evidence span, from
dependency rules and a target-aware polarity model (models/stance_polarity.npz)."""

from pipelines.nlp.stance.stance import EXTRACTOR_VERSION, extract_stances

__all__ = ["EXTRACTOR_VERSION", "extract_stances"]
