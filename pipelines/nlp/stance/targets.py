"""Who a stance can be about or held by, in one sentence: entity mentions (with capitals,
seats of government and demonyms mapped to their state), names spaCy found that the entity
list lacks, personal pronouns, and issue phrases (built in stance.py from the cue frames).

Resolution never guesses: a mention that maps to no entity or state keeps its text and a
null key."""

import bisect

from pipelines.nlp.entities import name_key
from pipelines.nlp.doc_cache import doc_sentences, token_columns
from pipelines.nlp.stance.lexicon import PERSON_PRONOUNS, PLURAL_PRONOUNS, PLURAL_STATE_PHRASES, state_for_name
from pipelines.nlp.types import Mention, MentionKind

NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
ANTECEDENT_SENTENCES = 3


class EntityIndex:
    """Entity mentions by character offset, and state names to entity keys."""

    def __init__(self, entities):
        self.entities = list(entities or [])
        self.spans = sorted(
            ((m.start, m.end, e) for e in self.entities for m in e.mentions), key=lambda item: (item[0], -item[1])
        )
        # Offsets of the sorted spans, for bisection: a linear scan per mention is quadratic on
        # long documents.
        self._starts = [start for start, _end, _entity in self.spans]
        self._max_len = max((end - start for start, end, _entity in self.spans), default=0)
        self.by_name = {}
        for entity in self.entities:
            for name in [entity.canonical_name, *entity.aliases]:
                self.by_name.setdefault(name.lower(), entity)

    def entity_at(self, start: int, end: int):
        """The first mention (by start) overlapping [start, end)."""
        lo = bisect.bisect_left(self._starts, start - self._max_len)
        hi = bisect.bisect_left(self._starts, end)
        for _s, e, entity in self.spans[lo:hi]:
            if start < e:
                return entity
        return None

    def named_entities_within(self, doc, sent):
        """doc.ents inside the sentence. Span.ents re-reads every entity of the document, which
        per sentence is quadratic on long texts, so the document's list is bisected instead."""
        if getattr(self, "_ents_doc", None) is not doc:
            self._ents_doc = doc
            self._ents = list(doc.ents)
            self._ent_starts = [ent.start for ent in self._ents]
        lo = bisect.bisect_left(self._ent_starts, sent.start)
        hi = bisect.bisect_left(self._ent_starts, sent.end)
        return [ent for ent in self._ents[lo:hi] if ent.end <= sent.end]

    def spans_within(self, start: int, end: int):
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return [span for span in self.spans[lo:hi] if span[1] <= end]

    def key_for_name(self, name: str, etype: str = "GPE") -> str | None:
        """The key of the document's entity with this name, else the key the entity resolver
        would give the name (so states named only through a capital still merge across documents)."""
        entity = self.by_name.get(name.lower())
        if entity is not None:
            return entity.key
        return name_key(name, etype)


def resolve(index: EntityIndex, start: int, end: int, text: str,
            fallback_kind: MentionKind) -> tuple[str, str | None, MentionKind]:
    """(name, key, kind) of a mention: its state when it names a capital/seat/demonym, else its entity.
    A pronoun is only ever resolved by coreference ("us" is not the US)."""
    if fallback_kind == "pronoun":
        return text, None, fallback_kind
    state = state_for_name(text)
    entity = index.entity_at(start, end)
    if state is None and entity is not None:
        state = state_for_name(entity.canonical_name)
    if state is not None:
        return state, index.key_for_name(state), "state"
    if entity is not None:
        return entity.canonical_name, entity.key, "entity"
    return text, None, fallback_kind


def _mention(doc, index, token_start, token_end, kind) -> Mention:
    span = doc[token_start:token_end]
    name, key, kind = resolve(index, span.start_char, span.end_char, span.text, kind)
    return Mention(span.start_char, span.end_char, span.text, name, key, kind, token_start, token_end)


def sentence_mentions(sent, index: EntityIndex) -> list[Mention]:
    """Every entity-like mention of a sentence, longest first where they overlap."""
    doc = sent.doc
    taken: set[int] = set()
    mentions = []

    def add(token_start, token_end, kind):
        while token_end > token_start + 1 and doc[token_end - 1].tag_ == "POS":
            token_end -= 1  # "China's" -> "China"
        if token_end <= token_start or any(i in taken for i in range(token_start, token_end)):
            return
        taken.update(range(token_start, token_end))
        mentions.append(_mention(doc, index, token_start, token_end, kind))

    for start, end, _entity in index.spans_within(sent.start_char, sent.end_char):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            add(span.start, span.end, "entity")
    for ent in index.named_entities_within(doc, sent):
        if ent.label_ in NAME_LABELS:
            add(ent.start, ent.end, "name")
    run_start = None
    columns = token_columns(doc)
    pos_of, lower_of = columns.pos, columns.lower
    for i in range(sent.start, sent.end):
        pos = pos_of[i]
        if pos == "PROPN" and i not in taken:
            run_start = i if run_start is None else run_start
            continue
        if run_start is not None:
            add(run_start, i, "name")
            run_start = None
        if pos == "PRON" and lower_of[i] in PERSON_PRONOUNS:
            add(i, i + 1, "pronoun")
    if run_start is not None:
        add(run_start, sent.end, "name")
    return sorted(mentions, key=lambda m: m.start)


def mention_head(doc, mention: Mention):
    heads = token_columns(doc).head
    for i in range(mention.token_start, mention.token_end):
        if not (mention.token_start <= heads[i] < mention.token_end) or heads[i] == i:
            return doc[i]
    return doc[mention.token_end - 1]


def _states_in(sent, index) -> list[Mention]:
    seen, states = set(), []
    for mention in sentence_mentions(sent, index):
        if mention.kind == "state" or (mention.kind in ("entity", "name") and _is_gpe(sent.doc, mention)):
            if mention.name not in seen:
                seen.add(mention.name)
                states.append(mention)
    return states


def _is_gpe(doc, mention) -> bool:
    return any(ent.label_ == "GPE" for ent in doc[mention.token_start : mention.token_end].ents)


def plural_antecedents(sent, index: EntityIndex) -> list[Mention]:
    """For "they" / "the two countries": the two states of the nearest earlier sentence that
    names exactly two; [] (unresolved) otherwise. Never further than a few sentences back."""
    doc = sent.doc
    sentences = doc_sentences(doc)
    position = next((i for i, s in enumerate(sentences) if s.start == sent.start), None)
    if position is None:
        return []
    for earlier in reversed(sentences[max(0, position - ANTECEDENT_SENTENCES) : position]):
        states = _states_in(earlier, index)
        if len(states) == 2:
            return states
        if len(states) > 2:
            return []
    return []


def holder_mentions(holder_tokens, sent, index: EntityIndex, known: list[Mention] | None = None) -> list[Mention]:
    """Holder phrases of a cue (subject heads) as mentions; plural pronouns resolved to two states
    only when the previous sentences name exactly two. known: the sentence's mentions, when the
    caller has them (computing them again per pair was a tenth of the stance stage)."""
    doc = sent.doc
    if not holder_tokens:
        return []
    if known is None:
        known = sentence_mentions(sent, index)
    out = []
    for token in holder_tokens:
        antecedent = _relative_antecedent(token)
        match = next((m for m in known if m.token_start <= antecedent.i < m.token_end), None)
        if antecedent is not token:
            if match is not None:
                out.append(match)  # "Cruz, who refused to endorse Trump"
            continue  # "routers that support Wi-Fi 6", "a program which aims to support ...": no one
        phrase = doc[token.left_edge.i : token.i + 1].text.lower()
        if (match is not None and token.lower_ in PLURAL_PRONOUNS) or phrase in PLURAL_STATE_PHRASES:
            antecedents = plural_antecedents(sent, index)
            if antecedents:
                for antecedent in antecedents:
                    # the holder is the pronoun in this sentence; the name comes from the antecedent
                    out.append(Mention(match.start if match else doc[token.left_edge.i].idx,
                                       match.end if match else token.idx + len(token.text),
                                       match.text if match else doc[token.left_edge.i : token.i + 1].text,
                                       antecedent.name, antecedent.key, "antecedent",
                                       token.left_edge.i, token.i + 1))
                continue
        if match is not None:
            out.append(match)
            continue
        start, end = token.left_edge.i, token.i + 1
        span = doc[start:end]
        name, key, kind = resolve(index, span.start_char, span.end_char, span.text, "phrase")
        out.append(Mention(span.start_char, span.end_char, span.text, name, key, kind, start, end))
    return out


RELATIVE_PRONOUNS = {"who", "which", "that"}


def _relative_antecedent(token):
    """The noun a relative clause's pronoun stands for ("Cruz, who refused to endorse Trump":
    Cruz), else the token itself."""
    clause = token.head
    if token.lower_ in RELATIVE_PRONOUNS and token.dep_ in ("nsubj", "nsubjpass") and clause.dep_ == "relcl":
        return clause.head
    return token
