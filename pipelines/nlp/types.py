"""Records produced by the extractors, and the typed values that cross module boundaries.
Offsets are Python str offsets into the article text, end-exclusive (text[start:end]), exactly
as in the `claims extract` contract."""

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Literal, get_args

QuoteKind = Literal["direct", "mixed", "indirect"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Granularity = Literal["century", "decade", "year", "quarter", "month", "week", "day", "hour", "minute", "second"]
Modality = Literal["asserted", "predicted", "hedged", "negated"]
Polarity = Literal["favor", "against", "neutral"]
# entity | state | name | pronoun | issue: what a stance target is; phrase | antecedent: holders only
MentionKind = Literal["entity", "state", "name", "pronoun", "issue", "phrase", "antecedent"]

QUOTE_KINDS: tuple[str, ...] = get_args(QuoteKind)
TIMEX_TYPES: tuple[str, ...] = get_args(TimexType)
GRANULARITIES: tuple[str, ...] = get_args(Granularity)
MODALITIES: tuple[str, ...] = get_args(Modality)
POLARITIES: tuple[str, ...] = get_args(Polarity)

# ---------------------------------------------------------------- publication dates

# How much of a publication date was given: ingest knows bare years and months; a time of day
# is known to the hour, minute or second (the warehouse records all three as "time").
DatePrecision = Literal["year", "month", "day", "hour", "minute", "second"]
# Why a publication date that was given cannot be used (the reason relative times then carry).
DateProblem = Literal["unparseable_publication_date", "invalid_publication_date"]

# The extended ISO form the eval contract writes (YYYY-MM-DD, optionally THH:MM[:SS[.f]] and a
# zone), with blanks tolerated around it and before the zone.
_ISO_EXTENDED = re.compile(
    r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?"
    r"\s*(?:(Z)|([+-])(\d{2}):?(\d{2}))?\s*$")
_TIME_FIELDS = re.compile(r"(\d{2})(?::?(\d{2}))?(?::?(\d{2}))?")


@dataclass(frozen=True, slots=True)
class PublicationDate:
    """A publication date, parsed once: `moment` is the wall-clock time as written (naive; the
    zone it was written in, when given, is `utc_offset`), known to `precision` (a year or a
    month is its first day). `text` is the string it was read from, as given."""

    moment: datetime
    precision: DatePrecision
    utc_offset: timedelta | None = None
    text: str | None = None

    @property
    def day(self) -> date:
        return self.moment.date()

    @property
    def utc(self) -> datetime:
        """Naive UTC; the moment itself when no zone was given (kept as written)."""
        return self.moment - self.utc_offset if self.utc_offset else self.moment

    def isoformat(self) -> str:
        """The moment as written, to its precision: 2012-03, 2012-03-15, 2012-03-15T10:30, ..."""
        if self.precision == "year":
            return f"{self.moment.year:04d}"
        if self.precision == "month":
            return f"{self.moment.year:04d}-{self.moment.month:02d}"
        if self.precision == "day":
            return self.day.isoformat()
        return self.moment.isoformat(timespec={"hour": "hours", "minute": "minutes"}.get(self.precision, "seconds"))

    @classmethod
    def from_isoformat(cls, text: str) -> "PublicationDate":
        """Any ISO 8601 form datetime.fromisoformat reads (basic and week dates too); ValueError
        otherwise."""
        try:
            day = date.fromisoformat(text)
        except ValueError:
            pass
        else:
            return cls(datetime(day.year, day.month, day.day), "day", text=text)
        parsed = datetime.fromisoformat(text)
        return cls(parsed.replace(tzinfo=None), _time_precision(text), parsed.utcoffset(), text)


def _time_precision(text: str) -> DatePrecision:
    """Hour, minute or second: how many time fields follow the date part of an ISO datetime."""
    sep = next((i for i, char in enumerate(text) if i >= 7 and not (char.isdigit() or char in "-W")), len(text))
    fields = _TIME_FIELDS.match(text, sep + 1)
    if fields is None or fields[3]:
        return "second"
    return "minute" if fields[2] else "hour"


@dataclass(frozen=True, slots=True)
class UnusableDate:
    """A publication date that was given but is not one."""

    text: str
    problem: DateProblem


_YEAR_OR_MONTH = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


def parse_publication(text: str) -> PublicationDate | UnusableDate | None:
    """A document's publication date from its string: the extended ISO form (a time that is not
    one leaves the day), else any form datetime.fromisoformat reads; None when blank."""
    if not text.strip():
        return None
    partial = _YEAR_OR_MONTH.match(text.strip())
    if partial:  # "2012" or "2012-03": a date known to the year or the month
        year, month = int(partial[1]), int(partial[2] or 1)
        if not 1 <= month <= 12:
            return UnusableDate(text, "invalid_publication_date")
        return PublicationDate(datetime(year, month, 1), "month" if partial[2] else "year", text=text)
    match = _ISO_EXTENDED.match(text)
    if match is None:
        try:
            return replace(PublicationDate.from_isoformat(text.strip()), text=text)
        except ValueError:
            return UnusableDate(text, "unparseable_publication_date")
    year, month, day, hour, minute, second, fraction, zulu, sign, zone_h, zone_m = match.groups()
    try:
        moment = datetime(int(year), int(month), int(day))
    except ValueError:
        return UnusableDate(text, "invalid_publication_date")
    precision: DatePrecision = "day"
    if hour is not None:
        try:
            micro = int((fraction or "").ljust(6, "0")[:6])
            moment = moment.replace(hour=int(hour), minute=int(minute), second=int(second or 0), microsecond=micro)
            precision = "second" if second is not None else "minute"
        except ValueError:
            pass
    offset = None
    if zulu:
        offset = timedelta(0)
    elif sign:
        offset = (1 if sign == "+" else -1) * timedelta(hours=int(zone_h), minutes=int(zone_m))
    return PublicationDate(moment, precision, offset, text)


@dataclass
class DocInput:
    """One document to extract. `published` may be given as a string: it is parsed here, once
    (parse_publication), and every extractor reads the parsed value."""

    doc_id: str
    text: str
    published: PublicationDate | UnusableDate | None = None
    title: str | None = None
    author: str | None = None
    publisher: str | None = None

    def __post_init__(self):
        if isinstance(self.published, str):
            self.published = parse_publication(self.published)


@dataclass(slots=True)
class Mention:
    """A stretch of text naming someone or something. Entity mentions carry offsets and text;
    the stance layer's mentions also carry what they resolve to and their token span."""

    start: int  # char offsets into the document text
    end: int
    text: str
    name: str | None = None  # canonical entity name, state name, or the mention text when unresolved
    key: str | None = None
    kind: MentionKind | None = None
    token_start: int | None = None
    token_end: int | None = None


@dataclass
class Entity:
    """A person, organization or place, with every mention of it in one document."""

    key: str  # normalized name key; merges across documents
    canonical_name: str
    type: str  # PERSON | ORG | GPE | NORP | OTHER
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)


@dataclass
class Quote:
    content_start: int
    content_end: int
    content_spans: list[tuple[int, int]]
    kind: QuoteKind
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_entity: str | None = None  # canonical name of the resolved entity
    speaker_key: str | None = None  # Entity.key of the resolved entity
    confidence: float = 0.5


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: TimexType
    value: str | None  # TIMEX3 value, None when it cannot be resolved
    interval_start: str | None = None  # ISO date, DATE/TIME only
    interval_end: str | None = None  # ISO date, inclusive
    granularity: Granularity | None = None
    anchor: str | None = None  # "publication" | "mention" | None for absolute values
    unanchored: bool = False
    reason: str | None = None  # why value is null, when it is


@dataclass
class Claim:
    start: int
    end: int
    text: str
    claimer: str | None
    claimer_key: str | None = None
    claimer_source: str = "author"  # quote | author | publisher | unknown
    about_start: str | None = None  # ISO date: interval the claim is about
    about_end: str | None = None
    about_source: str = "published"  # timex | published | unknown
    timex_text: str | None = None
    stated_at: str | None = None
    modality: Modality = "asserted"
    entities: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    checkworthy: float = 0.0


@dataclass
class Stance:
    holder: str | None
    holder_start: int | None
    holder_end: int | None
    target: str
    target_start: int | None
    target_end: int | None
    polarity: Polarity
    score: float  # -1..1
    evidence_start: int
    evidence_end: int
    confidence: float = 0.5
    method: str = "lexicon"
    holder_key: str | None = None
    target_key: str | None = None
    source_kind: str = "quote"  # quote (a quotation's speaker holds it) | attitude (an attitude cue's subject) | mention (author-voice sentiment, never stored)
    stated_at: str | None = None
    target_kind: MentionKind | None = None  # issue -> stances.target_issue


@dataclass
class DocumentExtraction:
    doc_id: str
    language: str | None = None
    skipped_reason: str | None = None
    quotes: list[Quote] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)
    # author-voice sentiment per named mention (no holder): only when asked for, never stored as stances
    mention_sentiments: list[Stance] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # counted reasons, e.g. "truncated_paragraph"
