"""Quotations with speakers: direct (from quotation marks), mixed and indirect (from reporting
verbs and the parse), each with its cue, local speaker mention and resolved speaker entity.

Everything is linear in the document: quotation marks are paired in one pass, lookups go
through DocIndex (bisect), and each quotation only looks at its own sentence and neighbours.
"""

import re
from dataclasses import dataclass, field

from pipelines.nlp.entities import SpeakerResolver
from pipelines.nlp.doc_cache import doc_text
from pipelines.nlp.quotes.doc_index import DocIndex
from pipelines.nlp.quotes.marks import QuotedSpan, find_quoted_spans
from pipelines.nlp.quotes.reported_speech import Report, find_reports
from pipelines.nlp.quotes.reporting_lexicon import reporting_verbs
from pipelines.nlp.quotes.speakers import mistagged_name, noun_phrase, speaker_token
from pipelines.nlp.textprep import ends_a_sentence
from pipelines.nlp.types import Entity, Quote, QuoteKind

EXTRACTOR_VERSION = "quotes-1.50"

MIN_DIRECT_WORDS = 4  # shorter quoted stretches without a cue are names, titles or scare quotes
MIN_CUED_WORDS = 2
_WINDOW_TOKENS = 40
_LOOKBACK_CHARS = 300  # context read before a quotation; bounded so huge paragraphs stay linear
AFTER_CUE_TOKENS = 14  # '"...," Rep. Elijah E. Cummings (D-Md.) said': names with titles run long
DIRECT_SHARE = 0.9  # the share of letters inside quotation marks that makes content direct
MIXED_SHARE = 0.1


@dataclass
class _Candidate:
    spans: list[tuple[int, int]]
    kind: QuoteKind
    quote_ids: set[int] = field(default_factory=set)  # DocIndex.quoted indices it consists of
    cue_i: int | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_i: int | None = None
    speaker_span: tuple[int, int] | None = None
    confidence: float = 0.5
    inherited: bool = False
    closed: bool = True

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


def extract_quotes(doc, entities: list[Entity]) -> list[Quote]:
    text = doc_text(doc)
    if not text.strip() or len(doc) == 0:
        return []
    quoted = find_quoted_spans(text)
    index = DocIndex(doc, quoted)
    direct = _direct_candidates(index)
    for cand in direct:
        _attribute_direct(cand, index)
    # Names of shows and songs go before merging and inheritance, so they neither join a
    # neighbouring quotation nor pass a speaker on ('said on "Fox and Friends." "I mean ..."').
    direct = [c for c in direct if not (_looks_like_title(index, c, _words(index, c)) and _embedded(c, index))]
    reports = find_reports(doc, index)
    candidates = _combine(direct, reports, index)
    _merge_split_quotes(candidates, index)
    _inherit_speakers(candidates, index)
    headline_end = _headline_end(text)
    candidates = _one_per_span([c for c in candidates if _keep(c, index) and c.start >= headline_end], text)
    candidates = _without_pull_quotes(candidates, index)
    resolver = SpeakerResolver(entities, lambda s, e: _inside_quote(index, s, e), text)
    return [_to_quote(c, index, resolver) for c in sorted(candidates, key=lambda c: c.start)]


_KIND_RANK = {"direct": 2, "mixed": 1, "indirect": 0}
def _headline_end(text: str) -> int:
    """Where a web page's headline ends (its first line, with no full stop), else 0. A headline is
    no quotation, whatever it reports ("'Meth. We're On It': South Dakota campaign is working
    Kristi Noem says"): the body gives the statement in its own words."""
    first_end = text.find("\n")
    if first_end < 0 or not text[first_end:].strip():
        return 0  # a text of one line is all body
    return 0 if ends_a_sentence(text[:first_end].rstrip()) else first_end


def _one_per_span(cands: list[_Candidate], text: str) -> list[_Candidate]:
    """One quotation per content extent: two reports of the same words ("..., it said,
    estimating ...") or a report and a mixed quotation over the same span are one statement;
    keep the most direct, most confident, first-cued one."""
    best: dict[tuple[int, int], _Candidate] = {}
    for cand in cands:
        key = (cand.start, cand.end)
        held = best.get(key)
        if held is None or _preference(cand, text) > _preference(held, text):
            best[key] = cand
    return [c for c in cands if best[(c.start, c.end)] is c]


def _preference(cand: _Candidate, text: str) -> tuple:
    cue = text[cand.cue_start:cand.cue_end].lower() if cand.cue_start is not None else ""
    # "according to an accord ..., the statement said": the reporting verb is the attribution
    return (_KIND_RANK.get(cand.kind, 0), cand.confidence, bool(cue), not cue.startswith("according"),
            -(cand.cue_start if cand.cue_start is not None else 10**9))


# --- direct quotations -------------------------------------------------------------------


def _direct_candidates(index: DocIndex) -> list[_Candidate]:
    groups: dict[int, list[int]] = {}
    for qi, q in enumerate(index.quoted):
        groups.setdefault(q.group, []).append(qi)
    out = []
    for ids in groups.values():
        ids = [i for i in ids if not _stage_direction(index.text[index.quoted[i].start : index.quoted[i].end])]
        if not ids:
            continue
        spans = [(index.quoted[i].start, index.quoted[i].end) for i in ids]
        # A run of paragraphs that each open a quotation and none closes it is typography
        # (some sites open every paragraph with a mark), not a quotation.
        closed = any(index.quoted[i].closed for i in ids)
        out.append(_Candidate(spans=spans, kind="direct", quote_ids=set(ids), closed=closed))
    out.sort(key=lambda c: c.start)
    return out


def _stage_direction(quoted: str) -> bool:
    """'"(CROSSTALK.)' in a transcript: a note on the proceedings, not anyone's words."""
    inner = quoted.strip(" \"“”«»'‘’.,")
    return inner.startswith(("(", "[")) and inner.endswith((")", "]"))


def _words(index: DocIndex, cand: _Candidate) -> int:
    return sum(len(index.text[a:b].split()) for a, b in cand.spans)


def _attribute_direct(cand: _Candidate, index: DocIndex) -> None:
    doc = index.doc
    lexicon = reporting_verbs()
    first = index.quoted[min(cand.quote_ids)]
    last = index.quoted[max(cand.quote_ids)]
    i0 = index.first_token(first.start)
    i1 = index.last_token(last.end)
    if i0 >= len(doc) or i1 < 0:
        return
    para_lo, para_hi = index.para_bounds(last.end - 1)

    def is_cue(tok) -> bool:
        if index.in_quote[tok.i] >= 0:
            return False
        if tok.lower_ == "according":
            return tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to"
        return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in lexicon

    # After the quotation: to the end of the sentence that follows it, within the paragraph.
    after = []
    j = i1 + 1
    if j < len(doc):
        sent_end = index.sent_bounds[index.sent_id[j]][1]
        # '"A." said X.' is often split after the quote: let the window reach the next sentence.
        limit = min(len(doc), max(sent_end, j + 6), j + _WINDOW_TOKENS)
        while j < limit and doc[j].idx < para_hi:
            qi = index.in_quote[j]
            if qi >= 0:
                # a nickname or title in quotes ('Marcia "Cia" Price') does not end the window
                q = index.quoted[qi]
                if len(index.text[q.start : q.end].split()) > 3:
                    break
            after.append(doc[j])
            j += 1
    # Before it: from its sentence start, within the paragraph, stopping at another quotation.
    before = []
    para_lo0, _ = index.para_bounds(first.start)
    k = i0 - 1
    sent_start = index.sent_bounds[index.sent_id[i0]][0]
    while k >= max(sent_start, i0 - _WINDOW_TOKENS) and doc[k].idx >= para_lo0 and index.in_quote[k] < 0:
        before.append(doc[k])
        k -= 1
    before.reverse()
    if _dash_attribution(cand, index, last.end):
        return
    cue = None
    words_after = 0
    for t in after:
        if not t.is_punct:
            words_after += 1  # punctuation in '(D-Newport News),' does not make a name longer
            if words_after > AFTER_CUE_TOKENS:
                break
        if is_cue(t):
            if _is_purpose_infinitive(t):
                break  # '"fault detection and recovery" to maintain a minimum level': not a report
            if _ends_sentence(index, last) and _reports_its_own_clause(t):
                # '"... we'll assess their approaches." Boeing is one of the bidders, and confirmed
                # that ...': a new sentence with its own report, not this quotation's attribution
                break
            cue = t
            break
        # '"That makes me smart," when Clinton blasted him': a new clause, not an attribution
        if t.pos_ == "SCONJ" or t.lower_ in ("when", "while", "because", "after", "if"):
            break
    if cue is not None and _introduces_next(index, cue, last):
        cue = None
    if cue is None:
        cue = next((t for t in reversed(before) if is_cue(t)), None)
    if cue is None and not before:
        cue = _cue_before_colon(index, first.start, is_cue)
    if cue is None:
        _colon_subject(cand, before)
        return
    speaker = speaker_token(cue, index, cand.quote_ids)
    if cue.i > i1 and (speaker is None or not i1 < speaker.i < cue.i):
        speaker = _name_between(index, i1 + 1, cue.i) or speaker
    if speaker is None and cue.lower_ != "according":
        return
    _set_cue(cand, cue)
    if speaker is not None:
        cand.speaker_i = speaker.i
        cand.speaker_span = noun_phrase(speaker)
    cand.confidence = 0.9 if cand.closed else 0.6


def _ends_sentence(index: DocIndex, quote) -> bool:
    """Whether the quoted words end with a full stop, "!" or "?" inside the marks."""
    inner = index.text[quote.start:quote.end].rstrip().rstrip("\"'”’»").rstrip()
    return inner.endswith((".", "!", "?"))


def _is_purpose_infinitive(cue) -> bool:
    """'to maintain a minimum level of performance': an infinitive with an object of its own."""
    children = list(cue.children)
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in children) and any(
        c.dep_ == "dobj" and c.i > cue.i for c in children)


def _reports_its_own_clause(cue) -> bool:
    return any(c.dep_ in ("ccomp", "xcomp") and c.i > cue.i for c in cue.children)


_NOT_SPEAKERS = {"it", "this", "that", "what", "which", "there", "here", "these", "those"}


def _colon_subject(cand: _Candidate, before: list) -> None:
    """'President Obama is rolling out a new campaign message: "It's about me."': with no cue, a
    quotation right after a colon is the words of the subject of the clause the colon ends."""
    if len(before) < 3 or before[-1].text != ":":
        return
    verb = before[-1].head
    for _hop in range(3):  # 'rolling out a new message:' hangs the colon on the object
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i > before[-1].i:
        return
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None or subject.pos_ not in ("PROPN", "PRON", "NOUN") or subject.lower_ in _NOT_SPEAKERS \
            or subject.i < before[0].i:
        return
    cand.speaker_i = subject.i
    cand.speaker_span = noun_phrase(subject)
    cand.confidence = 0.6


def _name_between(index: DocIndex, lo: int, hi: int):
    """'"...," Flynn, a top Trump surrogate, said Thursday on Fox News's "Fox and Friends"': when
    only a noun phrase stands between the quotation and its cue, the parser sometimes hangs the name
    inside the quotation and takes a later noun for the subject; the name there is the speaker."""
    doc = index.doc
    head = None
    for k in range(lo, hi):
        tok = doc[k]
        if tok.pos_ in ("VERB", "AUX", "SCONJ") or index.in_quote[k] >= 0:
            return None
        if head is None and tok.pos_ in ("PROPN", "PRON") and tok.ent_type_ not in ("DATE", "TIME"):
            head = tok
            while head.i + 1 < hi and doc[head.i + 1].pos_ == "PROPN":
                head = doc[head.i + 1]
    return head


_DASH_AFTER = re.compile(r"\s*[―—–-]{1,2}\s*")


def _dash_attribution(cand: _Candidate, index: DocIndex, quote_end: int) -> bool:
    """'"..." ― Pamela Padilla': a dash and a name right after the quotation attribute it."""
    m = _DASH_AFTER.match(index.text, quote_end, min(len(index.text), quote_end + 8))
    if m is None or "\n" in m.group():
        return False
    doc = index.doc
    names = []
    i = index.first_token(m.end())
    while i < len(doc) and len(names) < 6:
        tok = doc[i]
        if tok.idx < m.end():  # '”―' can be one token; the name starts after it
            i += 1
            continue
        if tok.pos_ == "PROPN" and tok.text[:1].isupper() or (names and tok.text in (".", "-")):
            names.append(tok)
            i += 1
            continue
        break
    while names and not names[-1].text[:1].isalpha():
        names.pop()
    if not names:
        return False
    dash = m.group()
    cand.cue_start = m.start() + len(dash) - len(dash.lstrip())
    cand.cue_end = cand.cue_start + len(dash.strip())
    cand.cue_i = index.first_token(cand.cue_start)
    head = names[-1]
    cand.speaker_i = head.i
    cand.speaker_span = (names[0].idx, head.idx + len(head.text))
    cand.confidence = 0.8
    return True


def _introduces_next(index: DocIndex, cue, quote: QuotedSpan) -> bool:
    """'"... dominance." Furthermore, Putin wrote, "we ..."': a quotation closed by a full stop
    is finished; the cue after it introduces the next quotation."""
    inner = index.text[quote.start : quote.end].rstrip("\"“”»'’ ")
    if not inner.endswith((".", "!", "?")):
        return False
    doc = index.doc
    j = cue.i + 1
    while j < len(doc) and j <= cue.i + 6 and index.in_quote[j] < 0:
        if doc[j].text in (".", "!", "?"):
            return False
        j += 1
    return j < len(doc) and index.in_quote[j] >= 0


def _cue_before_colon(index: DocIndex, quote_start: int, is_cue):
    """'Caddell continued:' as the paragraph before a paragraph-long quotation."""
    p = index.para_of(quote_start)
    if p == 0:
        return None
    lo, hi = index.paras[p - 1]
    if not index.text[lo:hi].rstrip().endswith(":"):
        return None
    doc = index.doc
    i = index.last_token(hi)
    stop = max(index.first_token(lo), i - _WINDOW_TOKENS)
    while i >= stop:
        if is_cue(doc[i]):
            return doc[i]
        i -= 1
    return None


def _set_cue(cand: _Candidate, cue) -> None:
    doc = cue.doc
    cand.cue_i = cue.i
    cand.cue_start = cue.idx
    end_tok = cue
    if cue.lower_ == "according" and cue.i + 1 < len(doc):
        end_tok = doc[cue.i + 1]
    cand.cue_end = end_tok.idx + len(end_tok.text)


# --- combining with reported speech ------------------------------------------------------


def _alnum(text: str, spans) -> int:
    return sum(1 for a, b in spans for ch in text[a:b] if ch.isalnum())


def _combine(direct: list[_Candidate], reports: list[Report], index: DocIndex) -> list[_Candidate]:
    text = index.text
    doc = index.doc
    by_quote = {qi: cand for cand in direct for qi in cand.quote_ids}
    dropped: set[int] = set()
    out: list[_Candidate] = []
    seen_spans = set()
    for rep in reports:
        key = tuple(rep.spans)
        if key in seen_spans:
            continue
        seen_spans.add(key)
        total = _alnum(text, rep.spans)
        quoted = sum(index.quoted_alnum(a, b) for a, b in rep.spans)
        share = quoted / total if total else 0.0
        inside = [qi for a, b in rep.spans for qi in index.quotes_overlapping(a, b)]
        first_quoted = inside and _starts_quoted(index, rep.spans[0][0], inside[0])
        # 'By the time Buckley learned who wrote it, she was only half-surprised: "It made sense,"
        # she said': the words before the colon are the writer's lead-in to the quotation
        lead_in = inside and text[rep.spans[0][0]:index.quoted[inside[0]].start].rstrip().endswith(":")
        if inside and (share >= DIRECT_SHARE or (first_quoted and share >= 0.5) or lead_in):
            # The reported content is the quotation itself: lend it the cue if it has none.
            cand = by_quote.get(inside[0])
            if cand is not None and cand.cue_i is None:
                _set_cue(cand, doc[rep.cue_i])
                speaker = doc[rep.speaker_i]
                cand.speaker_i = speaker.i
                cand.speaker_span = noun_phrase(speaker)
                cand.confidence = 0.85
            continue
        kind = "indirect" if share <= MIXED_SHARE else "mixed"
        speaker = doc[rep.speaker_i]
        cand = _Candidate(spans=list(rep.spans), kind=kind, cue_i=rep.cue_i, cue_start=rep.cue_start,
                          cue_end=rep.cue_end, speaker_i=speaker.i, speaker_span=noun_phrase(speaker),
                          confidence=0.75 if kind == "mixed" else 0.65)
        if kind == "mixed":
            # The quoted fragments are part of this statement, not statements of their own.
            for qi in inside:
                owner = by_quote.get(qi)
                if owner is not None and _covered(text, owner.spans, rep.spans) >= 0.8:
                    dropped.add(id(owner))
        out.append(cand)
    out.extend(c for c in direct if id(c) not in dropped)
    out.sort(key=lambda c: c.start)
    return out


def _starts_quoted(index: DocIndex, start: int, qi: int) -> bool:
    """True when the content's first letter lies inside quotation qi (the writer's words follow)."""
    q = index.quoted[qi]
    k = start
    while k < len(index.text) and not index.text[k].isalnum():
        k += 1
    return q.start <= k < q.end


def _covered(text: str, inner, outer) -> float:
    """Share of inner's letters and digits that lie inside outer."""
    if sum(e - s for s, e in inner) > 2 * sum(b - a for a, b in outer) + 8:
        return 0.0  # cannot be mostly covered; also keeps huge unclosed quotes cheap
    total = covered = 0
    for s, e in inner:
        for k in range(s, e):
            if text[k].isalnum():
                total += 1
                covered += any(a <= k < b for a, b in outer)
    return covered / total if total else 0.0


# --- split quotations and speakers carried over ------------------------------------------


def _merge_split_quotes(cands: list[_Candidate], index: DocIndex) -> None:
    """'"A," he said. "B."' is one statement in two spans (one linear pass, in place)."""
    merged: list[_Candidate] = []
    for b in cands:
        a = merged[-1] if merged else None
        if (a is not None and a.kind == "direct" and b.kind == "direct" and a.cue_i is not None
                and (b.cue_i is None or b.cue_i == a.cue_i)
                and a.cue_start is not None and a.end <= a.cue_start < b.start
                and index.para_of(a.start) == index.para_of(b.start)
                and _only_cue_between(index, a, b)):
            a.spans.extend(b.spans)
            a.quote_ids |= b.quote_ids
            continue
        merged.append(b)
    cands[:] = merged


def _only_cue_between(index: DocIndex, a: _Candidate, b: _Candidate) -> bool:
    gap = index.text[a.end : b.start]
    return len(gap.split()) <= 12 and gap.count(".") + gap.count(",") + gap.count(";") <= 3


def _inherit_speakers(cands: list[_Candidate], index: DocIndex) -> None:
    """A quotation with no cue of its own continues the adjacent attributed quotation: the
    previous one in its paragraph, else the next one in its paragraph, else the last one of
    the paragraph before when the quotation opens its paragraph."""
    n = len(cands)
    # Nearest attributed candidate before / after each position, found in two linear passes.
    prev_attr: list[_Candidate | None] = [None] * n
    next_attr: list[_Candidate | None] = [None] * n
    last = None
    for pos in range(n):
        prev_attr[pos] = last
        if cands[pos].speaker_span is not None:
            last = cands[pos]
    last = None
    for pos in range(n - 1, -1, -1):
        next_attr[pos] = last
        if cands[pos].speaker_span is not None:
            last = cands[pos]
    for pos, cand in enumerate(cands):
        if cand.speaker_span is not None or cand.kind != "direct":
            continue
        para = index.para_of(cand.start)
        prev, nxt = prev_attr[pos], next_attr[pos]
        source = None
        if prev is not None and index.para_of(prev.start) == para:
            source = prev
            person = _person_introduced(index, cand)
            if person is not None and not _same_speaker(index, person, prev):
                # '... Bridenstine said. Aderholt returned to the issue. "What vehicles ...?"': the
                # person the sentence before introduces speaks, not the paragraph's last speaker
                cand.speaker_i = person.i
                cand.speaker_span = noun_phrase(person)
                cand.confidence = 0.6
                continue
        elif nxt is not None and index.para_of(nxt.start) == para and nxt.kind == "direct":
            source = nxt
        elif prev is not None and index.para_of(prev.end - 1) >= para - 1 and (
                _opens_paragraph(index, cand) or prev.kind == "direct"):
            source = prev
            person = _person_introduced(index, cand)
            if person is not None:
                # 'On "Face the Nation," Sen. Bernie Sanders identified ... . "The younger people
                # are ..."': the person this paragraph is about, not the last paragraph's speaker
                cand.speaker_i = person.i
                cand.speaker_span = noun_phrase(person)
                cand.confidence = 0.6
                continue
        if source is None:
            continue
        cand.speaker_i = source.speaker_i
        cand.speaker_span = source.speaker_span
        cand.inherited = True
        cand.confidence = 0.6
        _maybe_mixed(cand, index)


def _same_speaker(index: DocIndex, person, cand: _Candidate) -> bool:
    """Whether a name token names the candidate's speaker (the same surname will do)."""
    if cand.speaker_span is None:
        return False
    start, end = cand.speaker_span
    return start <= person.idx < end or person.text in index.text[start:end].split()


def _person_introduced(index: DocIndex, cand: _Candidate):
    """The named person subject of the sentence right before a quotation that opens a sentence
    in the middle of a paragraph, or None."""
    doc = index.doc
    i0 = index.first_token(cand.start)
    if i0 >= len(doc) or _opens_paragraph(index, cand):
        return None
    sid = index.sent_id[i0]
    if index.sent_bounds[sid][0] != i0 or sid == 0:
        return None
    lo, hi = index.sent_bounds[sid - 1]
    para_lo = index.para_bounds(cand.start)[0]
    root = doc[hi - 1]
    for _ in range(min(hi - lo, 64)):  # walk up to the sentence root; a parse is never deeper
        if root.head is root or not lo <= root.head.i < hi:
            break
        root = root.head
    subject = next((c for c in root.children if c.dep_ == "nsubj" and c.i < root.i), None)
    if subject is None or subject.pos_ != "PROPN" or subject.ent_type_ != "PERSON" or index.in_quote[subject.i] >= 0 \
            or subject.idx < para_lo:
        return None
    return subject


def _opens_paragraph(index: DocIndex, cand: _Candidate) -> bool:
    lo, _ = index.para_bounds(cand.start)
    return cand.start - lo < _LOOKBACK_CHARS and not index.text[lo : cand.start].strip()


def _maybe_mixed(cand: _Candidate, index: DocIndex) -> None:
    """'Finally, Moscow and Beijing "have created ..."': a quotation continuing a sentence whose
    subject stands outside the marks is a mixed quotation from that subject on."""
    doc = index.doc
    i0 = index.first_token(cand.start)
    first_word = next((doc[i] for i in range(i0, min(len(doc), i0 + 3)) if doc[i].is_alpha), None)
    if first_word is None or not first_word.text[:1].islower():
        return
    verb = first_word if first_word.pos_ in ("VERB", "AUX") and first_word.dep_ not in ("aux", "auxpass") \
        else first_word.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < i0), None)
    if subject is None or subject.idx < index.para_bounds(cand.start)[0]:
        return
    start = subject.left_edge.idx
    cand.spans[0] = (start, cand.spans[0][1])
    cand.kind = "mixed"


# --- output -------------------------------------------------------------------------------


_ELONGATED = re.compile(r"([A-Za-z])\1{3,}")  # "Ooooh", "Yeahhhh": no one says that in a statement
_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "&"}
MIN_EMBEDDED_WORDS = 5  # a cued quotation inside a running sentence shorter than this is a phrase


def _keep(cand: _Candidate, index: DocIndex) -> bool:
    if cand.kind != "direct":
        return not _in_heading(cand, index)
    words = _words(index, cand)
    if _looks_like_title(index, cand, words):
        return False
    if _ELONGATED.search(index.text, cand.start, cand.end):
        return False  # "Ooooooooh ... I Wanna Sex You Up!": a lyric or a chant, not a statement
    if cand.cue_i is not None and "lyric" in reporting_verbs().get(index.doc[cand.cue_i].lemma_.lower(), ()):
        return False  # '"Promise mama you'll keep your hands in sight," Blige sings': a lyric
    if not cand.closed and (cand.cue_i is None or cand.inherited):
        return False  # a stray mark (or marks never closed) that nothing attributes
    if _after_colon(cand, index):
        return words >= MIN_CUED_WORDS  # 'a new campaign message: "It's about me."'
    if cand.cue_i is not None and not cand.inherited:
        if _embedded(cand, index):
            return words >= MIN_EMBEDDED_WORDS
        return words >= MIN_CUED_WORDS
    if (cand.speaker_span is None or cand.inherited) and _embedded(cand, index):
        # 'make sure everything is "on the up and up."': a borrowed phrase, even when a
        # neighbouring quotation has a speaker to pass on
        return False
    return words >= MIN_DIRECT_WORDS


MAX_HEADING_WORDS = 16


def _in_heading(cand: _Candidate, index: DocIndex) -> bool:
    """A report in a page's subheading ("Indictments unsealed as head of prison agency testified
    before Congress"): a short paragraph that ends without a full stop is a heading, not the
    article reporting what someone said (the body does that in its own words)."""
    lo, hi = index.para_bounds(cand.start)
    paragraph = index.text[lo:hi].strip()
    return (bool(paragraph) and "\n" not in paragraph and len(paragraph.split()) <= MAX_HEADING_WORDS
            and not ends_a_sentence(paragraph) and not paragraph.endswith(":"))  # a lead-in to a block


_BULLETS = "-–—•*·▪ \t"
_MARKS = "\"'“”‘’«» "
_HEADING_SLACK = 8  # characters of bullets and marks around a heading's quotation


def _normalized_words(text: str) -> str:
    return " ".join("".join(ch.lower() if ch.isalnum() else " " for ch in text).split())


def _without_pull_quotes(cands: list[_Candidate], index: DocIndex) -> list[_Candidate]:
    """'- "My fears have been realized"' as a paragraph of its own, words another quotation of
    the article says in full: a pull quote or a highlight heading, not a second statement."""
    text = index.text
    drop = set()
    for pos, cand in enumerate(cands):
        if cand.kind != "direct" or (cand.cue_i is not None and not cand.inherited) or len(cand.spans) > 1:
            continue
        lo, hi = index.para_bounds(cand.start)
        if cand.start - lo > _HEADING_SLACK or hi - cand.end > _HEADING_SLACK or \
                text[lo:cand.start].strip(_BULLETS + _MARKS) or text[cand.end:hi].strip(_MARKS + ".,;:"):
            continue  # not a paragraph of its own (checked near the quotation: paragraphs can be huge)
        words = _normalized_words(text[cand.start:cand.end])
        if words and any(other is not cand and words in _normalized_words(text[other.start:other.end])
                         for other in cands if other.kind == "direct"):
            drop.add(pos)
    return [c for pos, c in enumerate(cands) if pos not in drop]


def _after_colon(cand: _Candidate, index: DocIndex) -> bool:
    lo, _ = index.para_bounds(cand.start)
    return index.text[max(lo, cand.start - _LOOKBACK_CHARS) : cand.start].rstrip().endswith(":")


def _looks_like_title(index: DocIndex, cand: _Candidate, words: int) -> bool:
    """'"Morning Joe"', '"State of the Union"': names of shows, books, events."""
    if words > 6 or len(cand.spans) > 1:
        return False
    if index.text[cand.start : cand.end].rstrip("\"“”»'’ ").endswith(",") and _quotation_follows(index, cand):
        return False  # '"That," he added, "..."': the first half of a split quotation
    tokens = [w.strip("\"“”«»'‘’.,!?:;()") for w in index.text[cand.start : cand.end].split()]
    tokens = [w for w in tokens if w and any(ch.isalpha() for ch in w)]
    if not tokens:
        return True
    return all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in tokens) and tokens[0][0].isupper()


def _quotation_follows(index: DocIndex, cand: _Candidate) -> bool:
    """True when another quotation opens shortly after this one, in the same paragraph."""
    nxt = max(cand.quote_ids) + 1
    if nxt >= len(index.quoted):
        return False
    start = index.quoted[nxt].start
    return start - cand.end <= 80 and index.para_of(start) == index.para_of(cand.start)


def _embedded(cand: _Candidate, index: DocIndex) -> bool:
    """True when the quotation sits inside a running sentence rather than after 'X said,' or ':'."""
    text = index.text
    start = cand.start
    i0 = index.first_token(start)
    if i0 >= len(index.doc):
        return False
    sent_lo = index.doc[index.sent_bounds[index.sent_id[i0]][0]].idx
    para_lo, _ = index.para_bounds(start)
    before = text[max(sent_lo, para_lo, start - _LOOKBACK_CHARS) : start].rstrip()
    if not before:
        return False
    # '... replied, "It's meant ..."' or '"A," she said. "B."' opens a statement; only a quotation
    # continuing a phrase ('call them "lone wolves"') is embedded.
    return before[-1].isalnum() or before[-1] in "'’)"


def _inside_quote(index: DocIndex, start: int, end: int) -> bool:
    i = index.first_token(start)
    return i < len(index.in_quote) and index.in_quote[i] >= 0


def _to_quote(cand: _Candidate, index: DocIndex, resolver: SpeakerResolver) -> Quote:
    text = index.text
    doc = index.doc
    spans = sorted(cand.spans)
    quote = Quote(
        content_start=spans[0][0],
        content_end=spans[-1][1],
        content_spans=[(a, b) for a, b in spans],
        kind=cand.kind,
        confidence=cand.confidence,
    )
    if cand.cue_start is not None:
        quote.cue_start, quote.cue_end = cand.cue_start, cand.cue_end
        quote.cue = text[cand.cue_start : cand.cue_end]
    if cand.speaker_span is not None:
        s, e = cand.speaker_span
        quote.speaker_start, quote.speaker_end, quote.speaker_text = s, e, text[s:e]
        head = doc[cand.speaker_i] if cand.speaker_i is not None else None
        entity = resolver.resolve_or_add(head, s, e, is_name=mistagged_name(head)) if head is not None else None
        if entity is not None:
            quote.speaker_entity = entity.canonical_name
            quote.speaker_key = entity.key
    return quote
