"""The expectation suites, one per validated table, as plain rules (see rules.py).

Critical rules guard what downstream readers rely on (keys, offsets into the article text,
enumerations, ranges, plausible dates): rows failing them are quarantined and the Dagster check
fails and blocks. Warning rules flag quality drops (unresolved speakers, empty batches,
secondary spans) without stopping anything.

The boolean columns these rules expect true are computed by sql/queries/quality/<table>.sql.
"""

import math
from dataclasses import dataclass

from pipelines.nlp.types import GRANULARITIES, MODALITIES, POLARITIES, QUOTE_KINDS, TIMEX_TYPES
from pipelines.quality.rules import (
    CRITICAL, WARNING, Rule, between, compound_unique, in_set, is_true, not_null, row_count_at_least, unique,
)

PUBLISHED_SOURCES = ("metadata", "url", "text", "front_matter", "feed", "unknown")
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "NORP", "OTHER")
TIMEX_ANCHORS = ("publication", "mention")
CLAIMER_SOURCES = ("quote", "author", "publisher", "unknown")
ABOUT_SOURCES = ("timex", "published", "unknown")
STANCE_SOURCE_KINDS = ("quote", "attitude")  # what pipelines.nlp.stance emits

# Warning threshold: the share of quotations whose speaker resolved to an entity.
MIN_SPEAKER_RESOLVED_SHARE = 0.5

# Warning floor: rows per extracted (not skipped) article below which a batch looks broken.
# Deliberately low: a short article may have no quotation; a batch of many articles with none
# of a kind means an extractor stopped working.
MIN_ROWS_PER_EXTRACTED_ARTICLE = {
    "entities": 0.5,
    "quotations": 0.05,
    "time_expressions": 0.3,
    "claims": 0.3,
    "stances": 0.02,
}


@dataclass(frozen=True)
class BatchStats:
    """Size of the batch being validated, which parameterizes the row-count rules."""

    n_articles: int = 0  # current articles of the checked inputs
    n_extracted: int = 0  # of those, extracted and not skipped
    n_reported: int = 0  # articles the checked raw inputs reported


@dataclass(frozen=True)
class TableSuite:
    table: str
    key: str  # the id column identifying a row in samples
    rules_for: callable  # BatchStats -> list[Rule]

    def rules(self, stats: BatchStats | None = None) -> list[Rule]:
        rules = self.rules_for(stats or BatchStats())
        names = [r.name for r in rules]
        assert len(names) == len(set(names)), f"duplicate rule names in {self.table}"
        return rules


def _rows_expected(table: str, stats: BatchStats) -> Rule:
    minimum = math.ceil(stats.n_extracted * MIN_ROWS_PER_EXTRACTED_ARTICLE[table]) if stats.n_extracted else 0
    return row_count_at_least(
        f"{table}_rows_for_articles", minimum,
        f"At least {MIN_ROWS_PER_EXTRACTED_ARTICLE[table]} row(s) per extracted article "
        f"({minimum} for {stats.n_extracted} extracted article(s) in this batch).")


def _article_link_rules(span_columns: tuple[str, ...], text_column: str) -> list[Rule]:
    """Foreign key to the article version, and the row's span is that article's text."""
    return [
        is_true("article_exists", "article_exists",
                "The row's article version exists in `articles`.", CRITICAL, ("article_id", "article_version")),
        is_true("article_is_current", "article_is_current",
                "The row belongs to the article's current version (stale rows are invisible downstream).",
                WARNING, ("article_id", "article_version")),
        is_true("span_in_article", "span_in_article",
                "0 <= start < end <= length of the article text.", CRITICAL, span_columns),
        is_true("text_matches_article", "text_matches_article",
                f"`{text_column}` equals the article text at its offsets (code points, end-exclusive).",
                CRITICAL, (*span_columns, text_column, "article_text_at_span")),
    ]


def _article_rules(stats: BatchStats) -> list[Rule]:
    return [
        not_null("article_id"),
        not_null("version"),
        Rule("one_current_version", "ExpectColumnValuesToBeUnique", {"column": "article_id"}, CRITICAL,
             "At most one current version per article_id; the newest stays, older duplicates are rejected.",
             ("version", "input_key")),
        not_null("input_key"),
        in_set("published_source", PUBLISHED_SOURCES),
        is_true("char_length_matches_text", "char_length_matches_text",
                "`char_length` equals the text's length: every offset in the warehouse points into this text.",
                CRITICAL, ("char_length", "text_length")),
        is_true("published_at_plausible", "published_at_plausible",
                "Publication date between 1800 and the day after the article was seen (the reader's own "
                "rule, pipelines.ingest.dates.plausible).", WARNING,
                ("published_at", "published_source")),
        is_true("text_not_blank", "text_not_blank", "The article has text.", WARNING, ("title",)),
        is_true("seen_interval_ordered", "seen_interval_ordered", "first_seen <= last_seen.", WARNING),
        row_count_at_least("articles_for_inputs", 1 if stats.n_reported else 0,
                           "A batch whose inputs reported articles has current articles."),
    ]


def _quotation_rules(stats: BatchStats) -> list[Rule]:
    return [
        not_null("quote_id"),
        unique("quote_id"),
        compound_unique("quotation_span_unique", ["article_id", "article_version", "content_start", "content_end"],
                        "One quotation per article span; repeats after the first are rejected."),
        *_article_link_rules(("content_start", "content_end"), "content_text"),
        in_set("kind", QUOTE_KINDS),
        between("confidence", 0.0, 1.0),
        is_true("speaker_resolved", "speaker_resolved_share",
                f"At least {MIN_SPEAKER_RESOLVED_SHARE:.0%} of quotations have a speaker resolved to an entity.",
                WARNING, ("speaker_text",), mostly=MIN_SPEAKER_RESOLVED_SHARE),
        is_true("speaker_span_matches_text", "speaker_span_matches_text",
                "The speaker mention is the article text at its offsets.", WARNING, ("speaker_text",)),
        is_true("cue_span_in_article", "cue_span_in_article", "The cue's offsets are inside the article.", WARNING),
        is_true("speaker_entity_exists", "speaker_entity_exists",
                "A resolved speaker exists in `entities`.", WARNING, ("speaker_entity_id",)),
        _rows_expected("quotations", stats),
    ]


def _time_expression_rules(stats: BatchStats) -> list[Rule]:
    return [
        not_null("timex_id"),
        unique("timex_id"),
        compound_unique("timex_span_unique", ["article_id", "article_version", "start_offset", "end_offset"],
                        "One time expression per article span; repeats after the first are rejected."),
        *_article_link_rules(("start_offset", "end_offset"), "text"),
        in_set("type", TIMEX_TYPES),
        in_set("granularity", GRANULARITIES),
        in_set("anchor", TIMEX_ANCHORS),
        is_true("interval_ordered", "interval_ordered", "interval_start <= interval_end.", CRITICAL,
                ("interval_start", "interval_end")),
        # Plausibility warns and keeps the row: a surprising date can be true ("since the 14th
        # century"); only integrity (keys, spans, enums, ordering) blocks a run.
        is_true("interval_within_horizon", "interval_within_horizon",
                "interval_start is at most 100 years after publication (or today when unknown).", WARNING,
                ("interval_start", "published_at", "value")),
        # On 2,000 Reuters articles every pre-1800 value was a misread clock time ("1630 EST") or
        # address ("1600 Pennsylvania"); but "the 14th century" is real: a warning.
        is_true("interval_after_1800", "interval_after_1800", "interval_start is in 1800 or later.", WARNING,
                ("interval_start", "value")),
        is_true("value_or_reason", "value_or_reason", "An unresolved expression says why.", WARNING,
                ("value", "reason")),
        _rows_expected("time_expressions", stats),
    ]


def _claim_rules(stats: BatchStats) -> list[Rule]:
    return [
        not_null("claim_id"),
        unique("claim_id"),
        compound_unique("claim_span_unique", ["article_id", "article_version", "start_offset", "end_offset"],
                        "One claim per article span; repeats after the first are rejected."),
        *_article_link_rules(("start_offset", "end_offset"), "text"),
        in_set("modality", MODALITIES),
        in_set("claimer_source", CLAIMER_SOURCES),
        in_set("about_source", ABOUT_SOURCES),
        between("checkworthy", 0.0, 1.0),
        is_true("about_ordered", "about_ordered", "about_start <= about_end.", CRITICAL, ("about_start", "about_end")),
        is_true("about_after_1800", "about_after_1800", "about_start is in 1800 or later.", WARNING,
                ("about_start",)),
        is_true("about_within_horizon", "about_within_horizon",
                "about_start is at most 100 years after publication (or today when unknown).", WARNING,
                ("about_start", "published_at", "modality")),
        # A warning: a misread modality should not drop a claim or stop the pipeline.
        is_true("about_not_future_unless_predicted", "about_not_future_unless_predicted",
                "Only predictions are about a time starting after publication + 1 day.", WARNING,
                ("about_start", "published_at", "modality")),
        is_true("claimer_entity_exists", "claimer_entity_exists", "A resolved claimer exists in `entities`.",
                WARNING, ("claimer_entity_id",)),
        _rows_expected("claims", stats),
    ]


def _stance_rules(stats: BatchStats) -> list[Rule]:
    return [
        not_null("stance_id"),
        unique("stance_id"),
        *_article_link_rules(("evidence_start", "evidence_end"), "evidence_text"),
        in_set("polarity", POLARITIES),
        in_set("source_kind", STANCE_SOURCE_KINDS),
        between("score", -1.0, 1.0),
        between("confidence", 0.0, 1.0),
        is_true("polarity_agrees_with_score", "polarity_agrees_with_score",
                "favor has score >= 0, against has score <= 0.", WARNING, ("polarity", "score")),
        is_true("holder_span_matches_text", "holder_span_matches_text",
                "The holder mention is the article text at its offsets.", WARNING, ("holder_text",)),
        is_true("target_span_matches_text", "target_span_matches_text",
                "The target mention is the article text at its offsets.", WARNING, ("target_text",)),
        is_true("entities_exist", "stance_entities_exist", "Resolved holder and target exist in `entities`.",
                WARNING, ("holder_text", "target_text")),
        _rows_expected("stances", stats),
    ]


def _entity_rules(stats: BatchStats) -> list[Rule]:
    return [
        not_null("entity_id"),
        unique("entity_id"),
        not_null("name_key"),
        unique("name_key"),
        in_set("type", ENTITY_TYPES),
        is_true("canonical_name_not_blank", "canonical_name_not_blank", "The entity has a name.", CRITICAL,
                ("canonical_name",)),
        is_true("seen_interval_ordered", "seen_interval_ordered", "first_seen <= last_seen.", WARNING,
                ("first_seen", "last_seen")),
        is_true("has_mentions", "has_mentions", "The entity is mentioned somewhere.", WARNING, ("canonical_name",)),
        _rows_expected("entities", stats),
    ]


SUITES: dict[str, TableSuite] = {
    "articles": TableSuite("articles", "article_id", _article_rules),
    "quotations": TableSuite("quotations", "quote_id", _quotation_rules),
    "time_expressions": TableSuite("time_expressions", "timex_id", _time_expression_rules),
    "claims": TableSuite("claims", "claim_id", _claim_rules),
    "stances": TableSuite("stances", "stance_id", _stance_rules),
    "entities": TableSuite("entities", "entity_id", _entity_rules),
}
VALIDATED_TABLES = tuple(SUITES)
