"""Claims: declarative sentences with their claimer, the time they are about, modality,
numbers and a check-worthiness score (models/checkworthy.npz)."""

from pipelines.nlp.claims.claims import EXTRACTOR_VERSION, extract_claims

__all__ = ["EXTRACTOR_VERSION", "extract_claims"]
