"""Features of one (sentence, target mention) pair for the polarity model.

Only hashed feature names reach the model (FeatureHasher), so a trained model stores weights,
never words or sentences of its training data.
"""

from collections import Counter

from pipelines.nlp.doc_cache import token_columns
from pipelines.nlp.stance.lexicon import PERSON_PRONOUNS, word_valence
from pipelines.nlp.stance.rules import Evidence, combine

WINDOW = 6
N_FEATURES = 2**18


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
        self.start = lo = sent.start
        self.columns = columns = token_columns(sent.doc)
        hi = sent.end
        lower = columns.lower[lo:hi]
        self.lemma = columns.lemma[lo:hi]
        self.norm = ["<num>" if like_num else word for like_num, word in zip(columns.like_num[lo:hi], lower)]
        self.valence = list(map(word_valence, self.lemma, lower))
        self.sentence_valence = sum(self.valence)
        self.children: dict[int, list[int]] = {}  # doc index -> doc indices of its children
        for i, head in enumerate(columns.head[lo:hi], lo):
            if head != i:
                self.children.setdefault(head, []).append(i)
        # The unigram and bigram feature names of the unmarked sentence, built once and sliced
        # per target mention.
        self.u_names = ["u:" + w for w in self.norm]
        self.b_names = ["b:" + a + "_" + b for a, b in zip(self.norm, self.norm[1:])]

    def _at(self, i: int):
        """(head, dep, lemma, lower) of doc token i, inside the sentence or not."""
        columns = self.columns
        return columns.head[i], columns.dep[i], columns.lemma[i], columns.lower[i]


def pair_features(sent, target_start: int, target_end: int, evidence: list[Evidence],
                  other_targets: list[tuple[int, int]] = (), tokens: SentenceTokens | None = None) -> dict[str, float]:
    """`target_start`/`target_end`: doc token indices of the target mention (end exclusive).
    Pass `tokens` (SentenceTokens of `sent`) when scoring several targets of one sentence."""
    if tokens is None:
        tokens = SentenceTokens(sent)
    norm, valence, offset = tokens.norm, tokens.valence, tokens.start
    n = len(norm)
    t_lo, t_hi = target_start - offset, target_end - offset
    marks: dict[int, str] = {}
    for s, e in other_targets:
        if not (s <= target_start < e):
            for i in range(max(0, s - offset), min(n, e - offset)):
                marks[i] = "<E>"
    for i in range(max(0, t_lo), min(n, t_hi)):
        marks[i] = "<T>"
    grams = _marked_ngrams(tokens, marks)
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
    counts = Counter(grams)
    feats: dict[str, float] = dict(zip(counts, map(float, counts.values())))

    def add(name: str, value: float = 1.0):
        feats[name] = feats.get(name, 0.0) + value

    window_valence = sum(valence[i] for i in left + right)
    sentence_valence = tokens.sentence_valence
    add("val_window", window_valence)
    add("val_sent", sentence_valence)
    add("val_window_b:" + _bucket(window_valence))
    add("val_sent_b:" + _bucket(sentence_valence))

    at = tokens._at
    head = target_start
    for i in range(target_start, target_end):
        parent = at(i)[0]
        if parent < target_start or parent >= target_end or parent == i:
            head = i
            break
    head_parent, head_dep, _lemma, head_lower = at(head)
    add("dep:" + head_dep)
    add("pron:" + str(head_lower in PERSON_PRONOUNS))
    node = head
    path = []
    for _ in range(4):
        parent, dep, _lemma, _lower = at(node)
        if parent == node:
            break
        _p, _d, parent_lemma, parent_lower = at(parent)
        path.append(dep + "^" + parent_lemma.lower())
        add("path:" + path[-1])
        add("pathval:" + dep + ":" + _bucket(word_valence(parent_lemma, parent_lower)))
        node = parent
    if path:
        add("path2:" + "|".join(path[:2]))
    if head_parent != head:
        for child in _children(tokens, head_parent):
            if child != head:
                _p, dep, lemma, _lower = at(child)
                if dep in ("dobj", "attr", "acomp", "neg", "advmod", "prep", "xcomp"):
                    add("sib:" + dep + ":" + lemma.lower())
    for child in _children(tokens, head):
        _p, dep, lemma, _lower = at(child)
        if dep in ("amod", "appos", "compound", "relcl", "acl"):
            add("mod:" + dep + ":" + lemma.lower())
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


def _marked_ngrams(tokens: SentenceTokens, marks: dict[int, str]) -> list[str]:
    """Unigram then bigram names of the sentence with each marked run of tokens replaced by
    its mark (consecutive equal marks collapse into one): unmarked stretches are slices of
    the sentence's precomputed names, so a pair costs its marks, not its sentence length."""
    norm, u_names, b_names = tokens.norm, tokens.u_names, tokens.b_names
    words: list[str] = []
    unigrams: list[str] = []
    bigrams: list[str] = []
    done = 0  # tokens before this index are in `words`

    def add_run(lo: int, hi: int) -> None:
        if lo >= hi:
            return
        if words:
            bigrams.append("b:" + words[-1] + "_" + norm[lo])
        words.extend(norm[lo:hi])
        unigrams.extend(u_names[lo:hi])
        bigrams.extend(b_names[lo:hi - 1])

    for i in sorted(marks):
        add_run(done, i)
        mark = marks[i]
        if not words or words[-1] != mark:
            if words:
                bigrams.append("b:" + words[-1] + "_" + mark)
            words.append(mark)
            unigrams.append("u:" + mark)
        done = i + 1
    add_run(done, len(norm))
    return unigrams + bigrams


def _children(tokens: SentenceTokens, i: int) -> list[int]:
    """Doc indices of token i's children, in order (from the Doc when i is outside the sentence)."""
    if 0 <= i - tokens.start < len(tokens.norm):
        return tokens.children.get(i, [])
    return [child.i for child in tokens.sent.doc[i].children]
