"""Claims (issue 4): declarative sentences, each with its claimer, the time it is about,
modality, entities, numbers and a check-worthiness score.

A claim is a sentence with a verb that is neither a question, an imperative nor page furniture
(assertion.py); the check-worthiness model (model.py) ranks how much it is worth checking.
The claimer is the quote layer's speaker when the sentence lies inside a quotation, else the
article's author or publisher. The time a claim is about is the interval of the time
expression governing it, else the publication date.
"""

import bisect
import re

from pipelines.nlp.claims import model as claims_model
from pipelines.nlp.claims.assertion import MIN_WORDS, is_assertion
from pipelines.nlp.claims.parts import governing_timex, modality, numbers_in, time_range
from pipelines.nlp.doc_cache import doc_sentences, doc_text
from pipelines.nlp.time import parse_publication_date
from pipelines.nlp.time.calendar import interval_of
from pipelines.nlp.textprep import ends_a_sentence
from pipelines.nlp.types import Claim, PublicationDate, UnusableDate

EXTRACTOR_VERSION = "claims-1.5"

QUOTE_OVERLAP = 0.5  # share of the sentence inside a quotation's content for the speaker to be its claimer
_LINE_BREAK = re.compile(r"\s*\n\s*")
# "— Name (@handle) November 15, 2019" and "pic.twitter.com/...": an embedded tweet, not the article's text
_TWEET_FOOTER = re.compile(r"[—–-]\s*[^\n()]{1,80}\(@\w{1,30}\)\s*[A-Z][a-z]+\.? \d{1,2}, \d{4}|pic\.twitter\.com/")
_FALLBACK_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"'”’)]*|\n|$)")


def extract_claims(doc, quotes, timexes, entities, doc_input) -> list[Claim]:
    text = doc_input.text or ""
    sentences = list(_sentences(doc, text))
    title = " ".join((getattr(doc_input, "title", None) or "").split())
    candidates = [(start, end, sent) for start, end, sent in sentences
                  if _is_body_sentence(text, start, end, title) and is_assertion(text, start, end, sent)]
    if not candidates:
        return []
    model = claims_model.load_model()
    scores = model.scores([text[s:e] for s, e, _ in candidates]) if model else [0.0] * len(candidates)
    dct, _reason = parse_publication_date(doc_input.published)
    stated_at = _stated_at(doc_input.published)
    # Everything is looked up by bisection over sorted offsets: per-claim scans of all
    # mentions, time expressions or quotes would be quadratic on long documents.
    mentions = sorted((m.start, m.end, e.canonical_name) for e in entities or [] for m in e.mentions)
    mention_starts = [m[0] for m in mentions]
    ordered_timexes = sorted(timexes or [], key=lambda t: (t.start, t.end))
    timex_starts = [t.start for t in ordered_timexes]
    quote_spans = QuoteSpans(quotes)
    claims = []
    for (start, end, sent), score in zip(candidates, scores):
        lo, hi = bisect.bisect_left(timex_starts, start), bisect.bisect_left(timex_starts, end)
        inside = [t for t in ordered_timexes[lo:hi] if t.end <= end]
        claimer, claimer_key, claimer_source = _claimer(start, end, quote_spans, doc_input)
        timex = governing_timex(sent, inside)
        if timex is not None:
            about = (*time_range(timex, inside, text)[:2], "timex", time_range(timex, inside, text)[2])
        elif dct is not None:
            about = (*_published_interval(doc_input.published, dct), "published", None)
        else:
            about = (None, None, "unknown", None)
        date_spans = [(t.start, t.end) for t in inside if t.type in ("DATE", "TIME")]
        claims.append(Claim(
            start=start, end=end, text=text[start:end], claimer=claimer, claimer_key=claimer_key,
            claimer_source=claimer_source, about_start=about[0], about_end=about[1], about_source=about[2],
            timex_text=about[3], stated_at=stated_at, modality=modality(sent, text[start:end]),
            entities=_entities_in(start, end, mentions, mention_starts), numbers=numbers_in(text[start:end], start, date_spans),
            checkworthy=round(float(score), 4),
        ))
    return claims


def _sentences(doc, text):
    """(start, end, spaCy span or None) of each sentence, whitespace trimmed; fragments of
    fewer than MIN_WORDS words are joined to the sentence before them."""
    raw = []
    if doc is not None and len(doc_text(doc)) == len(text):
        for sent in doc_sentences(doc):
            # a line break ends a sentence even when the parser runs on (titles, paragraphs)
            piece_start = sent.start_char
            for brk in _LINE_BREAK.finditer(text, sent.start_char, sent.end_char):
                raw.append((piece_start, brk.start(), _subspan(sent, piece_start, brk.start())))
                piece_start = brk.end()
            raw.append((piece_start, sent.end_char, _subspan(sent, piece_start, sent.end_char)))
    else:
        raw = [(m.start(), m.end(), None) for m in _FALLBACK_SENTENCE.finditer(text)]
    merged = []
    for start, end, sent in raw:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            continue
        if merged and len(text[start:end].split()) < MIN_WORDS and "\n" not in text[merged[-1][1]:start]:
            prev_start, _prev_end, prev_sent = merged[-1]
            merged[-1] = (prev_start, end, prev_sent)
            continue
        merged.append((start, end, sent))
    return merged


def _published_interval(published, day) -> tuple[str, str]:
    """The publication date as an interval at its own precision: a date known to the month is
    that whole month (the article claims no day), to the year that whole year."""
    start, end, _granularity = interval_of(published.isoformat()) if hasattr(published, "isoformat") else (None,) * 3
    return (start, end) if start else (day.isoformat(), day.isoformat())


_LINE_MARKERS = " \t-–—•*·"


def _is_body_sentence(text: str, start: int, end: int, title: str) -> bool:
    """Whether a sentence is running text of the body, not a headline (the title again, or a line
    of its own without a full stop), a caption, a lyric line or an embedded tweet's footer."""
    body = text[start:end]
    if title and " ".join(body.split()) == title:
        return False
    # a list item's or a footer's marker ("- Double-tap to play", "— Name (@handle) date") opens its line
    line_start = text.rfind("\n", 0, start) + 1
    opens_line = not text[line_start:start].strip(_LINE_MARKERS)
    if _TWEET_FOOTER.search(text[line_start:end] if opens_line else body):
        return False
    alone_on_its_line = opens_line and (end == len(text) or text[end] == "\n")
    return not alone_on_its_line or ends_a_sentence(body)


def _subspan(sent, start: int, end: int):
    if start == sent.start_char and end == sent.end_char:
        return sent
    span = sent.doc.char_span(start, end, alignment_mode="contract") if end > start else None
    return span if span is not None and len(span) else None


class QuoteSpans:
    """Quote content spans sorted by start, so each claim looks only at the spans near it
    (a scan of every quote per claim is quadratic on long documents)."""

    def __init__(self, quotes):
        self.quotes = list(quotes or [])
        spans = []
        for order, quote in enumerate(self.quotes):
            for a, b in quote.content_spans or [(quote.content_start, quote.content_end)]:
                spans.append((a, b, order))
        spans.sort()
        self.spans = spans
        self.starts = [a for a, _b, _o in spans]
        self.max_len = max((b - a for a, b, _o in spans), default=0)

    def first_covering(self, start: int, end: int, share: float):
        """The first quote (in extraction order) whose spans cover `share` of [start, end)."""
        length = max(1, end - start)
        inside: dict[int, int] = {}
        lo = bisect.bisect_left(self.starts, start - self.max_len)
        hi = bisect.bisect_left(self.starts, end)
        for a, b, order in self.spans[lo:hi]:
            overlap = max(0, min(end, b) - max(start, a))
            if overlap:
                inside[order] = inside.get(order, 0) + overlap
        covering = [order for order, n in inside.items() if n / length >= share]
        return self.quotes[min(covering)] if covering else None


def _claimer(start: int, end: int, quotes, doc_input):
    if not isinstance(quotes, QuoteSpans):
        quotes = QuoteSpans(quotes)
    quote = quotes.first_covering(start, end, QUOTE_OVERLAP)
    if quote is not None:
        name = quote.speaker_entity or quote.speaker_text
        if name:
            return name, quote.speaker_key, "quote"
        return None, None, "unknown"
    if doc_input.author:
        return doc_input.author, None, "author"
    if doc_input.publisher:
        return doc_input.publisher, None, "publisher"
    return None, None, "unknown"


def _entities_in(start: int, end: int, mentions, mention_starts) -> list[str]:
    """Names of the (sorted) mentions inside [start, end), in order of first mention."""
    seen = []
    lo, hi = bisect.bisect_left(mention_starts, start), bisect.bisect_left(mention_starts, end)
    for _m_start, m_end, name in mentions[lo:hi]:
        if m_end <= end and name not in seen:
            seen.append(name)
    return seen


def _stated_at(published: PublicationDate | UnusableDate | None) -> str | None:
    """The publication date/time as written, to the precision given; None when there is none."""
    return published.isoformat() if isinstance(published, PublicationDate) else None
