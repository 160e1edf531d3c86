"""Entities of one document (people, organizations, places with all their mentions), the name key
that merges them across documents, and the resolution of a speaker mention to one of them."""

from pipelines.nlp.entities.coref import SpeakerResolver
from pipelines.nlp.entities.entities import EXTRACTOR_VERSION, build_entities
from pipelines.nlp.entities.names import author_keys, name_key

__all__ = ["EXTRACTOR_VERSION", "SpeakerResolver", "author_keys", "build_entities", "name_key"]
