"""Time expressions (TIMEX3 DATE / TIME / DURATION / SET) with values resolved against the
publication date, and the publication date itself as the reference the other layers use."""

from pipelines.nlp.time.timex import EXTRACTOR_VERSION, parse_publication_date, tag_timexes

__all__ = ["EXTRACTOR_VERSION", "parse_publication_date", "tag_timexes"]
