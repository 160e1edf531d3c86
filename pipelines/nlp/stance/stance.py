"""Stances (issue 13): holder -> target -> favor / against, with the evidence sentence.

A row needs a named holder and a named target in one sentence (TRIPLES_GUIDE's definition):
- holder: the resolved speaker of the quotation the target is in (the quotation table is the one
  source of truth for who says what), else the named subject of an attitude cue that governs the
  target ("Moscow and Beijing share an aversion to ...", "Brennan condemned ..."); never the
  article's author or publisher, and no row at all in the author's own voice;
- target: an entity (capitals and seats of government count for their state), a personal pronoun
  resolved to its person, or a named issue a decisive cue governs; never a bare pronoun, a
  common noun phrase or a name that resolves to no entity;
- polarity: the dependency rules where their evidence is decisive (negation scope: "by no means
  a threat" is favor), else the target-aware MiniLM model (polarity.py, ONNX); neutral is no row.
"""

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from pipelines.nlp.doc_cache import doc_sentences, doc_text, token_columns
from pipelines.nlp.stance.lexicon import ROLE_NOUNS, word_valence
from pipelines.nlp.stance.polarity import TargetPolarityModel
from pipelines.nlp.stance.rules import (
    PLACE_PREPOSITIONS,
    Evidence,
    combine,
    cue_frames,
    is_experiencer,
    is_someone_of,
    person_head_nouns,
    target_evidence,
)
from pipelines.nlp.stance.targets import EntityIndex, holder_mentions, mention_head, sentence_mentions
from pipelines.nlp.stance.voices import (
    inside,
    letter_voices,
    quotation_voices,
    silent_spans,
    voice_for,
    words_in_quotation_marks,
)
from pipelines.nlp.types import Mention, Polarity, PublicationDate, Stance, UnusableDate

EXTRACTOR_VERSION = "stance-2.24"

# Rule evidence of these kinds decides on its own when strong enough; weaker cues go to the model.
DECISIVE_KINDS = {"verb_object", "noun_complement", "prep_verb", "passive", "predicate"}
DECISIVE_SCORE = 0.45
CONTRADICTION_CONFIDENCE = 0.2
# Precision before recall: a pair is a row only when its polarity is this sure.
MIN_CONFIDENCE = 0.5
# dev triples (after pronoun agreement): 0.7 -> P 0.50 (29 right of 58), 0.75 -> P 0.60 (26 of 43),
# 0.85 -> P 0.62 (18 of 29); on 20 rows of real pages the model's rows below 0.85 were 2 right of 8,
# those above 4 of 5: precision first.
MIN_MODEL_CONFIDENCE = 0.85
NAMED_KINDS = {"entity", "state", "antecedent"}
TARGET_TYPES = {"PERSON", "ORG", "GPE", "NORP"}
MAX_ISSUE_WORDS = 8
EVALUATIVE_VALENCE = 0.3  # VADER 1.2 of 4: "good", "threat", "insult"; not "rose" or "said"
EVALUATIVE_WINDOW = 15  # tokens either side of a target within which a sentiment word must stand
# Words VADER scores (it was built for social media) that in news describe money and markets,
# not anyone's attitude: "shares", "debt", "interest", "credit", "securities" (and words inside
# names, "United Airlines", are skipped too). On Reuters they sent most model items for no row.
DESCRIPTIVE_IN_NEWS = {
    "share", "debt", "interest", "bonus", "credit", "security", "securities", "outstanding", "asset", "deficit",
    "dividend", "profit", "gain", "increase", "low", "high", "value", "agreement", "special", "free", "party",
}
PERSONAL_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Entity types whose stances the rules alone decide: near a place the model reads the mood of
# what happened there or of a slogan ("to keep America safe", "jumped to conclusions in
# Ferguson"), not anyone's position on its government (dev triples: 4 model rows, none right).
PLACE_TYPES = {"GPE"}
OBJECT_DEPS = {"dobj", "iobj", "dative", "pobj", "obj"}


@lru_cache(maxsize=4)
def polarity_model(model_dir: Path | None = None) -> TargetPolarityModel:
    """One model per directory and process (it loads its files on first use)."""
    return TargetPolarityModel(model_dir)


@dataclass(frozen=True, slots=True)
class Holder:
    """Who holds a stance: a quotation's speaker, a claim's claimer, a cue's subject or the author."""

    name: str | None
    key: str | None = None
    start: int | None = None
    end: int | None = None
    method: str | None = None  # "antecedent" when the name comes from an earlier sentence's pronoun referent


class Decision(NamedTuple):
    """The polarity of one holder-target pair and how it was reached."""

    polarity: Polarity
    score: float
    confidence: float
    method: str


def _evidence_span(sent, voice) -> tuple[int, int]:
    start, end = sent.start_char, sent.end_char
    if voice is not None:
        for s, e in voice.spans:
            if s < end and start < e:
                start, end = max(start, s), min(end, e)
                break
    return start, end


def _issue_mentions(sent, frames, mentions) -> list[tuple[Mention, object]]:
    """Phrases a cue takes a position on that are not themselves an entity mention."""
    doc = sent.doc
    out = []
    heads = {mention_head(doc, m).i for m in mentions}
    for frame in frames:
        for start, end, head in frame.objects:
            if head.i in heads or end <= start:
                continue
            span = doc[start:end]
            if not any(t.pos_ in ("NOUN", "PROPN", "VERB") for t in span) or not _names_an_issue(span):
                continue
            mention = Mention(span.start_char, span.end_char, span.text, span.text, None, "issue", start, end)
            out.append((mention, frame))
    return out


def _names_an_issue(span) -> bool:
    """An issue is a noun phrase that names something ("the Iran nuclear deal", "charter
    schools", or a gerund's: "becoming China's junior partner"): not a clause ("how our Ukraine
    policy could play out") and not an indefinite description ("a Hong Kong court ruling")."""
    if span.root.pos_ == "NOUN" and span.root.lemma_.lower() in person_head_nouns():
        return False  # "Trump's wife", "the president": a person described, not an issue
    first = span[0]
    if first.lower_ in ("a", "an", "how", "what", "whether", "why", "when", "where", "who", "that", "if"):
        return False
    if first.pos_ in ("VERB", "AUX"):
        return first.tag_ == "VBG"
    return first.pos_ not in ("SCONJ", "ADP", "ADV", "PRON")


def _rules_decide(evidence) -> bool:
    """Whether _decide settles the pair from the rules alone (the model's features are then not
    worth computing)."""
    return bool(evidence) and (combine(evidence)[2] or _has_decisive(evidence))


def _has_decisive(evidence) -> bool:
    return any(e.kind in DECISIVE_KINDS and abs(e.score) >= DECISIVE_SCORE for e in evidence)


def _decide(evidence, predicted: tuple[str, float] | None) -> Decision:
    """Rules where their evidence is decisive (negation scope, "by no means a threat"), else the
    target-aware model; contradictory rule evidence is neutral."""
    rule_score, rule_confidence, contradictory = combine(evidence)
    if contradictory:
        return Decision("neutral", 0.0, CONTRADICTION_CONFIDENCE, "rule:contradictory")
    if _has_decisive(evidence) or predicted is None:
        if abs(rule_score) < 0.1:
            return Decision("neutral", round(rule_score, 3), max(rule_confidence, 0.3), "rule")
        polarity = "favor" if rule_score > 0 else "against"
        return Decision(polarity, round(rule_score, 3), rule_confidence, "rule")
    label, score = predicted
    return Decision(label, round(score, 3), round(abs(score), 3), "model+rule" if evidence else "model")


@dataclass
class _Pair:
    """One holder-target candidate in a sentence, before its polarity is decided."""

    sent: object
    target: Mention
    evidence: list
    holders: list[Holder]
    source_kind: str
    evidence_start: int
    evidence_end: int
    model_row: int | None = None


def extract_stances(doc, quotes, claims, entities, doc_input, model_path: Path | None = None) -> list[Stance]:
    """Holder -> target -> favor/against rows (no neutral rows). model_path: the directory of the
    polarity model (None: the shipped one)."""
    index = EntityIndex(entities)
    types = {entity.key: entity.type for entity in entities or []}
    excluded = _author_keys(doc_input)
    text = doc_text(doc)
    voices = quotation_voices(quotes, excluded, text, doc) + letter_voices(text, index, excluded)
    silent = silent_spans(quotes, voices, text)
    resolver = _pronoun_resolver(doc, quotes, entities)
    published = getattr(doc_input, "published", None)
    # the publication date as given (the warehouse reads the article's own published_at)
    stated_at = published.text if isinstance(published, (PublicationDate, UnusableDate)) else None
    # Pass 1: the pairs that can become rows (a named holder and a named target in one sentence);
    # the model runs on those alone, in one call per document.
    pairs: list[_Pair] = []
    model_items: list[tuple[str, int, int]] = []
    for sent in doc_sentences(doc):
        if _is_question(sent):
            continue  # a question asks; it states no stance (the guide's rule)
        mentions = sentence_mentions(sent, index)
        frames = cue_frames(sent)
        items = [(mention, target_evidence(mention_head(doc, mention), frames)) for mention in mentions]
        for mention, frame in _issue_mentions(sent, frames, mentions):
            evidence = [_frame_evidence(frame)]
            if _has_decisive(evidence):  # an issue is a target only where a cue clearly takes a side
                items.append((mention, evidence))
        for mention, evidence in items:
            if inside(silent, mention.start, mention.end) or is_experiencer(mention_head(doc, mention)):
                continue  # words of no holder, a question, or the one who feels: no target here
            voice = voice_for(voices, mention.start, mention.end)
            holders = _holders(voice, evidence, sent, index, resolver, excluded, mentions)
            if not holders:
                continue  # the author's own voice: not a stance row
            target = _named_target(doc, mention, resolver, excluded, {h.key for h in holders},
                                   quoted_from=voice.start_of(mention.start) if voice is not None and voice.direct else None)
            if target is None:
                continue  # a pronoun or description that resolves to no named entity, or a bare name
            if any(h.key == target.key for h in holders):
                continue  # no stance toward oneself, nor toward one of those who hold it with others
            evidence_start, evidence_end = _evidence_span(sent, voice)
            pair = _Pair(sent, target, evidence, holders, voice.kind if voice else "attitude",
                         evidence_start, evidence_end)
            if not _rules_decide(evidence):
                if types.get(target.key) in PLACE_TYPES:
                    continue  # a place the model finds a sentiment near ("keep America safe") is no stance
                if _under_legal_action(mention_head(doc, target)):
                    continue  # "Officers arrested Christopher Tays": a police report's fact, not an attitude
                if not _is_evaluative_near(sent, doc, target):
                    continue  # no word with a sentiment of its own: neutral, no model call needed
                pair.model_row = len(model_items)
                model_items.append((sent.text, target.start - sent.start_char, target.end - sent.start_char))
            pairs.append(pair)
    predicted = polarity_model(model_path).predict(model_items) if model_items else []
    pairs = _without_nested_duplicates(doc, pairs)
    # Pass 2: decide each pair; one row per (holder, target, polarity, sentence).
    stances: list[Stance] = []
    seen = set()
    for pair in pairs:
        decision = _decide(pair.evidence, predicted[pair.model_row] if pair.model_row is not None else None)
        threshold = MIN_MODEL_CONFIDENCE if decision.method.startswith("model") else MIN_CONFIDENCE
        if decision.polarity == "neutral" or decision.confidence < threshold:
            continue  # neutral is not a stance
        target = pair.target
        for holder in pair.holders:
            row_key = (holder.key, target.key or target.name, decision.polarity, pair.sent.start_char)
            if row_key in seen:
                continue
            seen.add(row_key)
            stances.append(Stance(
                holder=holder.name, holder_start=holder.start, holder_end=holder.end,
                target=target.name, target_start=target.start, target_end=target.end,
                polarity=decision.polarity, score=float(decision.score), evidence_start=pair.evidence_start,
                evidence_end=pair.evidence_end, confidence=float(decision.confidence),
                method=f"{decision.method}+{holder.method}" if holder.method else decision.method,
                holder_key=holder.key, target_key=target.key, source_kind=pair.source_kind,
                stated_at=stated_at, target_kind=target.kind,
            ))
    return stances


# What police and courts do to someone: reported facts, whatever the sentence's mood.
LEGAL_ACTIONS = {"arrest", "charge", "detain", "sentence", "convict", "jail", "imprison", "extradite", "book",
                 "apprehend", "handcuff", "incarcerate", "deport", "fine", "acquit", "release", "parole"}


def _under_legal_action(head) -> bool:
    token = head
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head
    return token.dep_ in ("dobj", "nsubjpass") and token.head.lemma_.lower() in LEGAL_ACTIONS


def _is_question(sent) -> bool:
    return sent.text.rstrip().rstrip("\"'”’)\u00a0 ").endswith("?")


def _frame_evidence(frame) -> Evidence:
    kind = "noun_complement" if frame.cue.pos_ == "NOUN" else "verb_object"
    return Evidence(frame.score, frame.cue, kind, frame.negated, frame.hedged, frame.holders)


def _holders(voice, evidence, sent, index, resolver, excluded: set[str], mentions=None) -> list[Holder]:
    """The speaker of the quotation the target is in, else the named subjects of the attitude
    cue that governs the target; never the article's author or publisher. [] when neither."""
    holder_tokens = next((e.holders for e in evidence if e.holders), [])
    if voice is not None:
        if any(_someone_else(tok, voice, resolver) for tok in holder_tokens):
            # "the Democrats are blinded by their hatred for Trump", Grisham said: the hatred is
            # the Democrats', not the speaker's (the speaker's own stance there is not stated)
            return []
        return [Holder(voice.holder, voice.holder_key, voice.holder_start, voice.holder_end)]
    out, seen = [], set()
    for mention in holder_mentions(holder_tokens, sent, index, mentions):
        method = "antecedent" if mention.kind == "antecedent" else None
        if mention.kind == "pronoun" or mention.key is None:
            resolved = _resolve_pronoun(sent.doc, mention, resolver) or _resolve_description(sent.doc, mention, resolver)
            if resolved is None:
                continue
            mention, method = resolved, "coref"
        if mention.kind not in NAMED_KINDS or mention.key in excluded or mention.key in seen:
            continue
        seen.add(mention.key)
        out.append(Holder(mention.name, mention.key, mention.start, mention.end, method))
    return out


THIRD_PERSON = {"he", "him", "his", "she", "her", "hers", "they", "them", "their", "theirs"}


def _someone_else(token, voice, resolver) -> bool:
    """Whether the subject or possessor of an attitude cue in a speaker's words is a third party:
    a third-person pronoun, a person or a group ("the Democrats"), not the speaker's own mention.
    A state or an organization may be the speaker's own ("Russia needs a stable China", Putin
    said), so it does not count. In reported speech the writer calls the speaker "he" or "she"
    ("Cruz said he would never vote for Clinton"): a pronoun that resolves to the speaker is the
    speaker's own."""
    start = voice.holder_start
    if start is not None and start <= token.idx < voice.holder_end:
        return False
    if token.lower_ in THIRD_PERSON:
        if voice.direct or voice.holder_key is None:
            return True
        own = Mention(token.idx, token.idx + len(token.text), token.text, token.text, None, "pronoun",
                      token.i, token.i + 1)
        resolved = _resolve_pronoun(token.doc, own, resolver)
        return resolved is None or resolved.key != voice.holder_key
    # "his predecessor, Fiona Hill, had dubbed ...": a person noun or a named appositive is someone else
    return token.ent_type_ in ("PERSON", "NORP") or token.lemma_.lower() in person_head_nouns() or any(
        c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in token.children)


def _is_evaluative_near(sent, doc, target) -> bool:
    """Whether a word within EVALUATIVE_WINDOW tokens of the target carries a sentiment of its
    own (VADER and the stance lexicons): without one ("The company said net profit rose 12 pct")
    the model finds no stance toward it, and skipping keeps the model off most news sentences
    (on Reuters, a sentence-wide test sent ~500 pairs per 600 articles to the model for one row)."""
    columns = token_columns(doc)
    lemmas, lowers, pos = columns.lemma, columns.lower, columns.pos
    span = doc.char_span(target.start, target.end, alignment_mode="expand")
    first, last = (span.start, span.end) if span is not None else (sent.start, sent.end)
    lo, hi = max(sent.start, first - EVALUATIVE_WINDOW), min(sent.end, last + EVALUATIVE_WINDOW)
    return any(abs(word_valence(lemmas[i], lowers[i])) >= EVALUATIVE_VALENCE
               for i in range(lo, hi) if not first <= i < last and pos[i] != "PROPN"
               and lemmas[i].lower() not in DESCRIPTIVE_IN_NEWS)


def _without_nested_duplicates(doc, pairs: list[_Pair]) -> list[_Pair]:
    """An issue phrase and a name inside it, governed by the same cue, are one stance: toward the
    name when the phrase is a noun phrase about it ("welcome the rise of China" -> China), toward
    the issue when the phrase is an action ("fear becoming China's junior partner")."""
    issues = [p for p in pairs if p.target.kind == "issue"]
    if not issues:
        return pairs
    drop = set()
    for issue in issues:
        inner = [p for p in pairs if p is not issue and p.target.kind != "issue" and p.sent is issue.sent
                 and issue.target.start <= p.target.start and p.target.end <= issue.target.end]
        if not inner:
            continue
        action = doc[issue.target.token_start].pos_ in ("VERB", "AUX") or doc[issue.target.token_start].tag_ in ("VBG", "TO")
        drop.update(id(p) for p in inner) if action else drop.add(id(issue))
    return [p for p in pairs if id(p) not in drop]


def _author_keys(doc_input) -> set[str]:
    """Name keys of the article's own voice (its authors and publisher), never a holder or target."""
    from pipelines.nlp.entities import author_keys

    return author_keys(getattr(doc_input, "author", None), getattr(doc_input, "publisher", None))


def _pronoun_resolver(doc, quotes, entities):
    from pipelines.nlp.entities import SpeakerResolver

    spans = sorted(words_in_quotation_marks(doc_text(doc), quotes))

    def in_quote(start, end):
        return inside(spans, start, end)

    return SpeakerResolver(list(entities or []), in_quote, doc_text(doc))


def _resolve_pronoun(doc, mention: Mention, resolver, excluded: set[str] = frozenset(),
                     quoted_from: int | None = None) -> Mention | None:
    """A personal pronoun (he, she, ...) resolved to the closest preceding person of its gender
    (when known), or None. "It", "its" and "they" are left unresolved: their referents are too
    often a place or a phrase. Inside quoted words, a person named earlier in the same quotation
    comes first ("Trump has been disrespecting our veterans, proving he's unfit"); names in
    other quotations are never antecedents."""
    head = mention_head(doc, mention)
    if head.lower_ not in PERSONAL_PRONOUNS:
        return None
    pronoun = head.lower_

    def accept(entity):
        return resolver.agrees(entity, pronoun, doc)

    found = None
    if quoted_from is not None:
        found = resolver.index.preceding(head.idx, ("PERSON",), window=head.idx - quoted_from,
                                         exclude_keys=excluded, accept=accept)
    if found is None:
        found = resolver.index.preceding(head.idx, ("PERSON",), skip=resolver.in_quote_char, exclude_keys=excluded,
                                         accept=accept)
    if found is None:
        return None
    return _as_entity(mention, found[0])


def _as_entity(mention: Mention, entity) -> Mention:
    """The mention, standing for the entity it was resolved to."""
    return Mention(mention.start, mention.end, mention.text, entity.canonical_name, entity.key, "entity",
                   mention.token_start, mention.token_end)


def _resolve_description(doc, mention: Mention, resolver) -> Mention | None:
    """A definite description of a person or body ("the judge", "the company") resolved the way a
    quotation's speaker is ("the judge agreed with Ivana Trump"), or None."""
    head = mention_head(doc, mention)
    if head.pos_ != "NOUN":
        return None
    entity = resolver.resolve(head, mention.start, mention.end)
    return None if entity is None else _as_entity(mention, entity)


def _named_target(doc, mention: Mention, resolver, excluded: set[str], holder_keys: set[str],
                  quoted_from: int | None = None) -> Mention | None:
    """quoted_from: where the speaker's own quoted words holding the mention begin (None when
    the mention is not inside quotation marks)."""
    if mention.kind == "pronoun":
        # An object pronoun never refers to its own clause's subject ("Brennan praised him"), and
        # a speaker's own quoted words call the speaker "I", never "he" ("He had no proof of it,"
        # Butterfield said): the holder is skipped there. Any other pronoun whose closest referent
        # is the holder ("Trump said he finally believes ...") is about the holder: no row.
        skip_holder = quoted_from is not None or mention_head(doc, mention).dep_ in OBJECT_DEPS
        mention = _resolve_pronoun(doc, mention, resolver, excluded | holder_keys if skip_holder else excluded,
                                   quoted_from)
        if mention is not None and mention.key in holder_keys:
            return None
    if mention is not None and mention.kind == "issue":
        # A named issue ("NATO's interventions", "the Iran deal"), never a bare common noun phrase.
        span = doc[mention.token_start:mention.token_end]
        named = any(token.pos_ == "PROPN" for token in span)
        if span[0].tag_ == "TO":
            return None  # "to roll the day ... died": a clause, not a named issue (its names may stand)
        return mention if named and len(span) <= MAX_ISSUE_WORDS else None
    if mention is None or mention.kind not in NAMED_KINDS or not mention.key or mention.key in excluded:
        return None
    if _is_modifier(doc, mention) or is_someone_of(mention_head(doc, mention)):
        return None  # "Democratic nominee", "Tulsa police officer", "Trump's wife": the name qualifies another noun
    if _is_setting(doc, mention):
        return None  # "the attack in Minnesota": where something happened, not whom it is about
    return mention


def _is_setting(doc, mention: Mention) -> bool:
    """A place named as the scene of the sentence: the object of a locative preposition."""
    head = mention_head(doc, mention)
    return (head.ent_type_ in PLACE_LABELS and head.dep_ == "pobj"
            and head.head.lower_ in PLACE_PREPOSITIONS)


def _is_modifier(doc, mention: Mention) -> bool:
    """"Democratic nominee", "Tulsa, Okla., police officer": the name qualifies another noun (an
    apposition to such a name, "Okla.", does too)."""
    head = mention_head(doc, mention)
    if head.dep_ == "appos" and head.head.i != head.i:
        head = head.head
    governor = head.head
    if governor.lemma_.lower() in ROLE_NOUNS:
        return False  # "a Clinton fan": the name is what the role is toward
    return (head.dep_ in ("amod", "compound", "nmod") and governor.i != head.i
            and not mention.token_start <= governor.i < mention.token_end and governor.pos_ in ("NOUN", "PROPN"))


def _descriptions(sent, found: list[Mention]) -> list[Mention]:
    """"The governor", "the boy": a determiner and a person noun, not inside a found mention."""
    from pipelines.nlp.entities.coref import PERSON_NOUNS

    taken = {i for m in found for i in range(m.token_start, m.token_end)}
    out = []
    for token in sent:
        if token.i in taken or token.pos_ != "NOUN" or token.lemma_.lower() not in PERSON_NOUNS | {"boy", "girl"}:
            continue
        determiners = [c for c in token.children if c.dep_ == "det" and c.i < token.i]
        if determiners:
            span = sent.doc[determiners[0].i:token.i + 1]
            out.append(Mention(span.start_char, span.end_char, span.text, span.text, None, "phrase", span.start,
                               span.end))
    return out


def mention_sentiments(doc, entities, model_path: Path | None = None) -> list[Stance]:
    """Sentiment toward every named mention in the author's voice, NewsMTSC-style: rows with no
    holder (neutral included). Not stances: never stored in the stance table; `claims extract
    --mention-sentiment` adds them to the contract output for the per-mention polarity kit."""
    index = EntityIndex(entities)
    mentions, items = [], []
    for sent in doc_sentences(doc):
        found = sentence_mentions(sent, index)
        # Per-mention sentiment is about the words as written: "he" and "the governor" are
        # mentions too.
        for mention in [*found, *_descriptions(sent, found)]:
            mentions.append((sent, mention))
            items.append((sent.text, mention.start - sent.start_char, mention.end - sent.start_char))
    predicted = polarity_model(model_path).predict(items) if items else []
    return [Stance(holder=None, holder_start=None, holder_end=None, target=mention.name or mention.text,
                   target_start=mention.start, target_end=mention.end, polarity=label, score=float(round(score, 3)),
                   evidence_start=sent.start_char, evidence_end=sent.end_char, confidence=abs(float(score)),
                   method="model", target_key=mention.key, source_kind="mention", target_kind=mention.kind)
            for (sent, mention), (label, score) in zip(mentions, predicted)]
