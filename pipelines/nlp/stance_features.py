"""Features of one (sentence, target mention) pair for the polarity model.

Only hashed feature names reach the model (FeatureHasher), so a trained model stores weights,
never words or sentences of its training data.
"""

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


def pair_features(sent, target_start: int, target_end: int, evidence: list[Evidence],
                  other_targets: list[tuple[int, int]] = ()) -> dict[str, float]:
    """`target_start`/`target_end`: doc token indices of the target mention (end exclusive)."""
    feats: dict[str, float] = {}

    def add(name: str, value: float = 1.0):
        feats[name] = feats.get(name, 0.0) + value

    others = {i for s, e in other_targets for i in range(s, e) if not (s <= target_start < e)}
    words = []
    for token in sent:
        if target_start <= token.i < target_end:
            if not words or words[-1] != "<T>":
                words.append("<T>")
        elif token.i in others:
            if not words or words[-1] != "<E>":
                words.append("<E>")
        else:
            words.append(_norm(token))
    for i, word in enumerate(words):
        add("u:" + word)
        if i + 1 < len(words):
            add("b:" + word + "_" + words[i + 1])
    doc = sent.doc
    left = [t for t in doc[max(sent.start, target_start - WINDOW) : target_start]]
    right = [t for t in doc[target_end : min(sent.end, target_end + WINDOW)]]
    for distance, token in enumerate(reversed(left), 1):
        add("l:" + _norm(token))
        if distance <= 2:
            add(f"l{distance}:" + _norm(token))
    for distance, token in enumerate(right, 1):
        add("r:" + _norm(token))
        if distance <= 2:
            add(f"r{distance}:" + _norm(token))
    left_words, right_words = [_norm(t) for t in left], [_norm(t) for t in right]
    for a, b in zip(left_words, left_words[1:]):
        add("lb:" + a + "_" + b)
    for a, b in zip(right_words, right_words[1:]):
        add("rb:" + a + "_" + b)
    # the nearest valenced words on each side, which usually carry the polarity toward the target
    for side, tokens in (("l", list(reversed(left))), ("r", right)):
        for token in tokens:
            value = word_valence(token.lemma_, token.lower_)
            if abs(value) >= 0.25:
                add(f"near_{side}:" + _bucket(value))
                add(f"near_{side}_w:" + token.lemma_.lower())
                break
    window_valence = sum(word_valence(t.lemma_, t.lower_) for t in left + right)
    sentence_valence = sum(word_valence(t.lemma_, t.lower_) for t in sent)
    add("val_window", window_valence)
    add("val_sent", sentence_valence)
    add("val_window_b:" + _bucket(window_valence))
    add("val_sent_b:" + _bucket(sentence_valence))

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
