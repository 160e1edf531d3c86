"""Features of one (sentence, target mention) pair for the polarity model.

Only hashed feature names reach the model (FeatureHasher), so a trained model stores weights,
never words or sentences of its training data.
"""

from collections import Counter

from pipelines.nlp.stance_lexicon import PERSON_PRONOUNS, word_valence
from pipelines.nlp.stance_rules import Evidence, combine

WINDOW = 6
N_FEATURES = 2**18


def _norm(token) -> str:
    if token.like_num:
        return "<num>"
    return token.lower_


def _bucket(value: float) -> str:
    if value <= -0.5:
        return "--"
    if value < -0.1:
        return "-"
    if value < 0.1:
        return "0"
    if value < 0.5:
        return "+"
    return "++"


class SentenceTokens:
    """Per-token strings and valences of one sentence, read once: every target mention of the
    sentence gets features from these lists instead of re-walking spaCy Tokens per pair."""

    def __init__(self, sent):
        self.sent = sent
        self.start = sent.start
        tokens = list(sent)
        self.norm = [_norm(t) for t in tokens]
        self.valence = [word_valence(t.lemma_, t.lower_) for t in tokens]
        self.lemma = [t.lemma_ for t in tokens]
        self.sentence_valence = sum(self.valence)


def pair_features(sent, target_start: int, target_end: int, evidence: list[Evidence],
                  other_targets: list[tuple[int, int]] = (), tokens: SentenceTokens | None = None) -> dict[str, float]:
    """`target_start`/`target_end`: doc token indices of the target mention (end exclusive).
    Pass `tokens` (SentenceTokens of `sent`) when scoring several targets of one sentence."""
    if tokens is None:
        tokens = SentenceTokens(sent)
    norm, valence, offset = tokens.norm, tokens.valence, tokens.start
    n = len(norm)
    t_lo, t_hi = target_start - offset, target_end - offset
    marks = [None] * n
    for s, e in other_targets:
        if not (s <= target_start < e):
            for i in range(max(0, s - offset), min(n, e - offset)):
                marks[i] = "<E>"
    for i in range(max(0, t_lo), min(n, t_hi)):
        marks[i] = "<T>"
    words = []
    for i in range(n):
        mark = marks[i]
        if mark is None:
            words.append(norm[i])
        elif not words or words[-1] != mark:
            words.append(mark)
    grams = ["u:" + w for w in words]
    grams += ["b:" + a + "_" + b for a, b in zip(words, words[1:])]
    left = list(range(max(0, t_lo - WINDOW), max(0, t_lo)))
    right = list(range(max(0, t_hi), min(n, t_hi + WINDOW)))
    for distance, i in enumerate(reversed(left), 1):
        grams.append("l:" + norm[i])
        if distance <= 2:
            grams.append(f"l{distance}:" + norm[i])
    for distance, i in enumerate(right, 1):
        grams.append("r:" + norm[i])
        if distance <= 2:
            grams.append(f"r{distance}:" + norm[i])
    grams += ["lb:" + norm[a] + "_" + norm[b] for a, b in zip(left, left[1:])]
    grams += ["rb:" + norm[a] + "_" + norm[b] for a, b in zip(right, right[1:])]
    # the nearest valenced words on each side, which usually carry the polarity toward the target
    for side, indices in (("l", reversed(left)), ("r", right)):
        for i in indices:
            if abs(valence[i]) >= 0.25:
                grams.append(f"near_{side}:" + _bucket(valence[i]))
                grams.append(f"near_{side}_w:" + tokens.lemma[i].lower())
                break
    feats: dict[str, float] = {name: float(count) for name, count in Counter(grams).items()}

    def add(name: str, value: float = 1.0):
        feats[name] = feats.get(name, 0.0) + value

    window_valence = sum(valence[i] for i in left + right)
    sentence_valence = tokens.sentence_valence
    add("val_window", window_valence)
    add("val_sent", sentence_valence)
    add("val_window_b:" + _bucket(window_valence))
    add("val_sent_b:" + _bucket(sentence_valence))

    doc = sent.doc
    head = doc[target_start]
    for token in doc[target_start:target_end]:
        if token.head.i < target_start or token.head.i >= target_end or token.head.i == token.i:
            head = token
            break
    add("dep:" + head.dep_)
    add("pron:" + str(head.lower_ in PERSON_PRONOUNS))
    token = head
    path = []
    for _ in range(4):
        if token.head.i == token.i:
            break
        path.append(token.dep_ + "^" + token.head.lemma_.lower())
        add("path:" + path[-1])
        add("pathval:" + token.dep_ + ":" + _bucket(word_valence(token.head.lemma_, token.head.lower_)))
        token = token.head
    if path:
        add("path2:" + "|".join(path[:2]))
    for child in head.head.children if head.head.i != head.i else ():
        if child.i != head.i and child.dep_ in ("dobj", "attr", "acomp", "neg", "advmod", "prep", "xcomp"):
            add("sib:" + child.dep_ + ":" + child.lemma_.lower())
    for child in head.children:
        if child.dep_ in ("amod", "appos", "compound", "relcl", "acl"):
            add("mod:" + child.dep_ + ":" + child.lemma_.lower())
    score, confidence, contradictory = combine(evidence)
    add("rule", score)
    add("rule_b:" + _bucket(score))
    if contradictory:
        add("rule_contradictory")
    for item in evidence:
        add("rule_kind:" + item.kind + ":" + _bucket(item.score))
        if item.negated:
            add("rule_negated")
    add("position:" + ("first" if target_start - sent.start < 3 else "later"))
    add("bias")
    return feats
