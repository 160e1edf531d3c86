"""Who speaks a stretch of an article, for stances: quotations with a named speaker, a letters
page's signed passages, and the stretches where no stance can come from (the words of no
holder, questions put to someone)."""

from bisect import bisect_right

from pipelines.nlp.quotes.marks import find_quoted_spans
from pipelines.nlp.stance.letters import signed_passages

# A speaker written as one of these is no holder (see quotation_voices).
GROUP_PRONOUNS = {"it", "its", "they", "them", "their", "we", "us", "our"}


class Voice:
    """Who speaks a stretch of text: a quotation's speaker or a claim's claimer."""

    def __init__(self, kind, spans, holder, holder_key, holder_start, holder_end, direct=False):
        self.kind = kind
        self.direct = direct  # the speaker's own words in quotation marks
        self.spans = spans
        self.holder = holder
        self.holder_key = holder_key
        self.holder_start = holder_start
        self.holder_end = holder_end

    def covers(self, start, end) -> bool:
        return any(s <= start and end <= e for s, e in self.spans)

    def start_of(self, offset: int) -> int | None:
        """Where the quoted stretch holding `offset` begins."""
        return next((s for s, e in self.spans if s <= offset < e), None)


IMAGINING = {"hope", "wish", "imagine", "pray", "dream", "suppose", "pretend"}


def imagined(doc, quote) -> bool:
    """'I hope in 2017 America says, "President Clinton, thank you ..."': words someone wishes
    were said are nobody's stance (the quotation table keeps them as reported)."""
    if quote.cue_start is None:
        return False
    span = doc.char_span(quote.cue_start, quote.cue_end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    token = span.root
    if any(c.dep_ in ("ccomp", "parataxis", "advcl") and c.i < token.i and c.lemma_.lower() in IMAGINING
           for c in token.children):
        return True  # the parser often hangs "I hope" under the verb it governs
    for _ in range(3):
        if token.dep_ not in ("ccomp", "xcomp", "advcl", "conj", "parataxis") or token.head.i == token.i:
            return False
        token = token.head
        if token.lemma_.lower() in IMAGINING:
            return True
    return False


def quotation_voices(quotes, excluded_keys: set[str], text: str, doc=None) -> list[Voice]:
    """Quotations whose speaker resolved to a named entity that is not the article's author or
    publisher: the one source of truth for who holds what is said in them. A speaker written as
    "it", "they" or "we" is not a holder: those resolve to the wrong body too often (a paper's
    "it" to the country it is in) for a row a reader would trust."""
    voices = []
    for quote in quotes or []:
        if not quote.speaker_key or not quote.speaker_entity or quote.speaker_key in excluded_keys:
            continue
        if quote.speaker_start is not None and text[quote.speaker_start:quote.speaker_end].lower() in GROUP_PRONOUNS:
            continue
        if doc is not None and imagined(doc, quote):
            continue
        spans = [tuple(span) for span in (quote.content_spans or [(quote.content_start, quote.content_end)])]
        voices.append(Voice("quote", spans, quote.speaker_entity, quote.speaker_key,
                             quote.speaker_start, quote.speaker_end, direct=quote.kind == "direct"))
    return voices


def letter_voices(text: str, index, excluded_keys: set[str]) -> list[Voice]:
    """A letters page's signed passages (after the quotations: a quotation inside a letter is
    its speaker's)."""
    return [Voice("quote", passage.spans, passage.signer_name, passage.signer_key, passage.signer_start,
                   passage.signer_end, direct=True)
            for passage in signed_passages(text, index) if passage.signer_key not in excluded_keys]


QUESTION_CUES = ("ask", "wonder", "question", "inquir", "enquir", "quiz", "press")


QUESTION_WORDS = {"how", "whether", "if", "why", "what", "when", "where", "who", "whom", "which"}


def silent_spans(quotes, voices, text: str) -> list[tuple[int, int]]:
    """Stretches where no stance row can come from: quoted words whose speaker is no holder
    ("Fifty-one percent say that 'he should be impeached by the House'": not the House's stance),
    and questions put to someone ("Maitlis demanded how Andrew could be so sure ...")."""
    voiced = {tuple(v.spans) for v in voices}
    spans = []
    for quote in quotes or []:
        quote_spans = [tuple(span) for span in (quote.content_spans or [(quote.content_start, quote.content_end)])]
        words = text[quote_spans[0][0]:quote_spans[0][1]].split()
        # "asked whether ...", "demanded how Andrew could be so sure ...": a question
        asked = (quote.cue or "").lower().startswith(QUESTION_CUES) or bool(
            words and words[0].lower().strip("\"'“‘") in QUESTION_WORDS)
        unvoiced = quote.kind in ("direct", "mixed") and tuple(quote_spans) not in voiced
        if asked or unvoiced:
            spans.extend(quote_spans)
    return sorted(spans)


def inside(spans, start, end) -> bool:
    """spans: sorted, as silent_spans returns them (bisected: a long text has thousands)."""
    i = bisect_right(spans, (start, float("inf")))
    return any(s <= start and end <= e for s, e in spans[max(0, i - 4):i])


def voice_for(voices, start, end):
    for voice in voices:  # quotations first: they name the speaker of the exact words
        if voice.covers(start, end):
            return voice
    return None



def words_in_quotation_marks(text: str, quotes) -> list[tuple[int, int]]:
    """The quotations' own words: a direct quotation's content and the marked stretches of a
    mixed one. The unmarked rest of a mixed or indirect quotation is the writer's paraphrase,
    whose names are antecedents like any other ("Christie blasted Clinton as a 'disgrace'.
    'She's a disgrace,' he said": she is Clinton)."""
    spans, mixed = [], []
    for quote in quotes or []:
        content = [tuple(span) for span in (quote.content_spans or [(quote.content_start, quote.content_end)])]
        if quote.kind == "direct":
            spans.extend(content)
        elif quote.kind == "mixed":
            mixed.extend(content)
    if mixed:
        mixed.sort()
        spans.extend((marked.start, marked.end) for marked in find_quoted_spans(text)
                     if inside(mixed, marked.start, marked.end))
    return spans
