"""Records produced by the extractors. Offsets are Python str offsets into the article text,
end-exclusive (text[start:end]), exactly as in the `claims extract` contract."""

from dataclasses import dataclass, field

QUOTE_KINDS = ("direct", "mixed", "indirect")
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
GRANULARITIES = ("century", "decade", "year", "quarter", "month", "week", "day", "hour", "minute", "second")
MODALITIES = ("asserted", "predicted", "hedged", "negated")
POLARITIES = ("favor", "against", "neutral")


@dataclass
class DocInput:
    doc_id: str
    text: str
    published: str | None = None  # ISO date or datetime of publication, None when unknown
    title: str | None = None
    author: str | None = None
    publisher: str | None = None


@dataclass
class Mention:
    start: int
    end: int
    text: str


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
    kind: str  # direct | mixed | indirect
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
    type: str  # DATE | TIME | DURATION | SET
    value: str | None  # TIMEX3 value, None when it cannot be resolved
    interval_start: str | None = None  # ISO date, DATE/TIME only
    interval_end: str | None = None  # ISO date, inclusive
    granularity: str | None = None
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
    modality: str = "asserted"
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
    polarity: str  # favor | against | neutral
    score: float  # -1..1
    evidence_start: int
    evidence_end: int
    confidence: float = 0.5
    method: str = "lexicon"
    holder_key: str | None = None
    target_key: str | None = None
    source_kind: str = "quote"  # quote | claim | sentence
    stated_at: str | None = None
    target_kind: str | None = None  # entity | state | name | pronoun | issue (issue -> stances.target_issue)


@dataclass
class DocumentExtraction:
    doc_id: str
    language: str | None = None
    skipped_reason: str | None = None
    quotes: list[Quote] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # counted reasons, e.g. "truncated_paragraph"
