"""Pieces of a claim read off one sentence: modality, the numbers it mentions, the time
expression that governs it."""

import re

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
_NEGATION_WORDS = {"not", "n't", "never", "no", "nobody", "nothing", "neither", "nor", "none", "cannot"}
_TEXT_HEDGE = re.compile(r"\b(?:" + "|".join(sorted(w for w in _HEDGE_WORDS if w.isalpha())) + r")\b", re.I)
_TEXT_PREDICT = re.compile(r"\b(?:will|shall|going\s+to|expects?\s+to|expected\s+to|forecasts?|predicts?|plans?\s+to)\b|'ll\b", re.I)
_TEXT_NEGATE = re.compile(r"\b(?:not|never|no\s+longer|cannot)\b|n't\b", re.I)


def _main_clause_tokens(sent):
    """Tokens of the sentence outside relative/adverbial clauses: those whose path up to the
    root crosses no subordinate-clause arc. Each token's verdict is shared with the tokens on
    its path (linear in the sentence, not length x depth)."""
    doc = sent.doc
    root = sent.root.i
    tokens = list(sent)
    head = {t.i: t.head.i for t in tokens}
    dep = {t.i: t.dep_ for t in tokens}
    verdict: dict[int, bool] = {}
    out = []
    for token in tokens:
        node, path = token.i, []
        while node not in verdict:
            if node not in head:  # a head outside the sentence (segment joins): read it from the Doc
                head[node], dep[node] = doc[node].head.i, doc[node].dep_
            if head[node] == node or node == root:
                verdict[node] = True
            elif dep[node] in _SUBORDINATE:
                verdict[node] = False
            else:
                path.append(node)
                node = head[node]
        for i in path:
            verdict[i] = verdict[node]
        if verdict[token.i]:
            out.append(token)
    return out


def modality(sent=None, text: str | None = None) -> str:
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
    tokens = _main_clause_tokens(sent)
    lowers = [t.lower_ for t in tokens]
    if any(w in _HEDGE_WORDS for w in lowers):
        return "hedged"
    if any(t.dep_ == "neg" or (t.lower_ in _NEGATION_WORDS and t.dep_ in ("neg", "advmod", "det"))
           for t in tokens if t.lower_ != "no" or t.dep_ == "det" and t.head.dep_ in ("dobj", "nsubj", "attr")):
        return "negated"
    for t in tokens:
        if t.lower_ in ("will", "'ll", "shall", "wo") and t.tag_ == "MD":
            return "predicted"
        if t.lower_ in _PREDICT_WORDS and t.lower_ not in ("will", "'ll", "shall", "wo") and t.pos_ in ("VERB", "ADJ", "ADV"):
            if t.lower_ == "going" and not (t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to"):
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
    """The DATE/TIME timex (with an interval) that governs the sentence's assertion: the one
    attached closest to a main-clause verb; ties go to the earliest."""
    candidates = [t for t in timexes if t.interval_start and t.type in ("DATE", "TIME")]
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
