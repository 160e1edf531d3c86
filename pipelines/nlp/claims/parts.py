"""Pieces of a claim read off one sentence: modality, the numbers it mentions, the time
expression that governs it."""

import re

from pipelines.nlp.doc_cache import token_columns
from pipelines.nlp.types import Modality

# Subordinate clauses that do not carry the sentence's own assertion ("..., which could emerge").
_SUBORDINATE = {"relcl", "acl", "advcl"}
_HEDGE_WORDS = {"unlikely", "likely", "probably", "possibly", "perhaps", "maybe", "may", "might", "could",
                "reportedly", "allegedly", "apparently", "seemingly", "seem", "seems", "seemed", "appear", "appears",
                "appeared", "suggest", "suggests", "suggested", "believe", "believes", "believed", "doubt",
                "doubtful", "uncertain", "possible", "probable", "presumably", "supposedly", "would", "should",
                "estimate", "estimates", "estimated", "rumored", "rumoured", "unclear", "arguably"}
_PREDICT_WORDS = {"will", "'ll", "shall", "wo", "forecast", "forecasts", "predict", "predicts", "predicted",
                  "expect", "expects", "expected", "plan", "plans", "planned", "going", "projected", "project",
                  "intends", "intend", "scheduled", "upcoming", "soon", "tomorrow", "next", "future"}
_NEGATION_WORDS = {"not", "n't", "n’t", "never", "no", "nobody", "nothing", "neither", "nor", "none", "cannot"}
_TEXT_HEDGE = re.compile(r"\b(?:" + "|".join(sorted(w for w in _HEDGE_WORDS if w.isalpha())) + r")\b", re.I)
_TEXT_PREDICT = re.compile(r"\b(?:will|shall|going\s+to|expects?\s+to|expected\s+to|forecasts?|predicts?|plans?\s+to)\b|'ll\b", re.I)
_TEXT_NEGATE = re.compile(r"\b(?:not|never|no\s+longer|cannot)\b|n['’]t\b", re.I)


def _main_clause_indices(sent, heads: list[int], deps: list[str]) -> list[int]:
    """Doc indices of the sentence's tokens outside relative/adverbial clauses: those whose path
    up to the root crosses no subordinate-clause arc. Each token's verdict is shared with the
    tokens on its path (linear in the sentence, not length x depth)."""
    root = sent.root.i
    verdict: dict[int, bool] = {}
    out = []
    for i in range(sent.start, sent.end):
        node, path = i, []
        while node not in verdict:
            if heads[node] == node or node == root:
                verdict[node] = True
            elif deps[node] in _SUBORDINATE:
                verdict[node] = False
            else:
                path.append(node)
                node = heads[node]
        for j in path:
            verdict[j] = verdict[node]
        if verdict[i]:
            out.append(i)
    return out


def modality(sent=None, text: str | None = None) -> Modality:
    """hedged > negated > predicted > asserted, judged on the main clause."""
    if sent is None:
        text = text or ""
        if _TEXT_HEDGE.search(text):
            return "hedged"
        if _TEXT_NEGATE.search(text):
            return "negated"
        if _TEXT_PREDICT.search(text):
            return "predicted"
        return "asserted"
    columns = token_columns(sent.doc)
    lower, dep, head = columns.lower, columns.dep, columns.head
    main = _main_clause_indices(sent, head, dep)
    if any(lower[i] in _HEDGE_WORDS for i in main):
        return "hedged"
    if any(dep[i] == "neg" or (lower[i] in _NEGATION_WORDS and dep[i] in ("neg", "advmod", "det"))
           for i in main if lower[i] != "no" or dep[i] == "det" and dep[head[i]] in ("dobj", "nsubj", "attr")):
        return "negated"
    for i in main:
        word = lower[i]
        if word in ("will", "'ll", "shall", "wo") and columns.tag[i] == "MD":
            return "predicted"
        if word in _PREDICT_WORDS and word not in ("will", "'ll", "shall", "wo") and columns.pos[i] in ("VERB", "ADJ", "ADV"):
            if word == "going" and not (i + 1 < len(lower) and lower[i + 1] == "to"):
                continue
            return "predicted"
    return "asserted"


_NUMBER = re.compile(
    r"(?<![\w.])(?:[$€£¥]\s?)?\d+(?:[.,]\d+)*(?:\s?(?:%|percent|per\s?cent))?"
    r"(?:\s(?:million|billion|trillion|thousand|hundred))?(?:st|nd|rd|th)?(?![\w])|"
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|thousand|million|billion|trillion|dozen|half|double|twice|triple)\b"
    r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine|hundred|thousand|million|billion|trillion|percent))*",
    re.IGNORECASE,
)


def numbers_in(text: str, offset: int, skip_spans: list[tuple[int, int]]) -> list[str]:
    """Numbers and quantities in text (offset = its start in the document), outside skip_spans
    (dates and times, whose digits are not quantities)."""
    out = []
    for m in _NUMBER.finditer(text):
        start, end = offset + m.start(), offset + m.end()
        if any(start < b and a < end for a, b in skip_spans):
            continue
        out.append(m.group(0).strip())
    return out


def governing_timex(sent, timexes):
    """The DATE/TIME timex or anchored duration ("over the past year") with an interval that
    governs the sentence's assertion: the one attached closest to a main-clause verb; ties go
    to the earliest."""
    candidates = [t for t in timexes if t.interval_start and t.type in ("DATE", "TIME", "DURATION")]
    if not candidates:
        return None
    if sent is None or len(candidates) == 1:
        return candidates[0]
    chosen = _closest_to_main_verb(sent, candidates)
    return chosen


def time_range(timex, timexes, text: str) -> tuple[str, str, str]:
    """(start, end, text) of the timex, widened to a range it opens ("2000 to 2008", "1997-98")."""
    for other in timexes:
        if other.start >= timex.end and other.interval_end and _RANGE_JOINER.fullmatch(text[timex.end:other.start]):
            if other.interval_end >= timex.interval_start:
                return timex.interval_start, other.interval_end, text[timex.start:other.end]
    return timex.interval_start, timex.interval_end, timex.text


_RANGE_JOINER = re.compile(r"\s*(?:-|–|—|to|through|until|till|and)\s*", re.IGNORECASE)


def _closest_to_main_verb(sent, candidates):
    doc = sent.doc
    best = None
    for timex in candidates:
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        depth, node, subordinate = 0, span.root, False
        while node.head.i != node.i and node.i != sent.root.i and depth < 12:
            if node.dep_ in _SUBORDINATE or node.dep_ in ("ccomp", "pcomp"):
                subordinate = True
            if node.dep_ == "conj" and node.pos_ in ("VERB", "AUX"):
                break  # a coordinated main clause governs its own time
            node = node.head
            depth += 1
        key = (subordinate, depth, timex.start)
        if best is None or key < best[0]:
            best = (key, timex)
    return best[1] if best else candidates[0]
