"""Stances (issue 5): holder -> target -> favor / against / neutral, with the evidence span.

Per sentence, the voice is the quotation's speaker when the target sits inside a quotation,
else the claimer of a claim covering it, else the subject that takes the stance (or the author).
Targets are entity mentions (capitals and seats of government count for their state), pronouns
and names spaCy saw, and issue phrases a stance cue governs ("an aversion to NATO's
interventions"). Polarity: dependency rules (rules.py) where a cue speaks clearly, else the
target-aware model (model.py), which also sees the rule evidence as features. Contradictory
rule evidence about one target in one sentence is neutral with low confidence.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from pipelines.nlp.doc_cache import doc_sentences
from pipelines.nlp.stance.features import SentenceTokens, pair_features
from pipelines.nlp.stance.model import current_model
from pipelines.nlp.stance.rules import Evidence, combine, cue_frames, target_evidence
from pipelines.nlp.stance.targets import EntityIndex, holder_mentions, mention_head, sentence_mentions
from pipelines.nlp.types import Mention, Polarity, PublicationDate, Stance, UnusableDate

EXTRACTOR_VERSION = "stance-1.0"

# Rule evidence of these kinds decides on its own when strong enough; weaker cues go to the model.
DECISIVE_KINDS = {"verb_object", "noun_complement", "prep_verb", "passive", "predicate"}
DECISIVE_SCORE = 0.45
CONTRADICTION_CONFIDENCE = 0.2


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


class _Voice:
    """Who speaks a stretch of text: a quotation's speaker or a claim's claimer."""

    def __init__(self, kind, spans, holder, holder_key, holder_start, holder_end):
        self.kind = kind
        self.spans = spans
        self.holder = holder
        self.holder_key = holder_key
        self.holder_start = holder_start
        self.holder_end = holder_end

    def covers(self, start, end) -> bool:
        return any(s <= start and end <= e for s, e in self.spans)


def _voices(quotes, claims) -> list[_Voice]:
    voices = []
    for quote in quotes or []:
        spans = [tuple(span) for span in (quote.content_spans or [(quote.content_start, quote.content_end)])]
        voices.append(_Voice("quote", spans, quote.speaker_entity or quote.speaker_text, quote.speaker_key,
                             quote.speaker_start, quote.speaker_end))
    for claim in claims or []:
        if claim.claimer:
            voices.append(_Voice("claim", [(claim.start, claim.end)], claim.claimer, claim.claimer_key, None, None))
    return voices


def _voice_for(voices, start, end):
    for voice in voices:  # quotations first: they name the speaker of the exact words
        if voice.covers(start, end):
            return voice
    return None


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
            if not any(t.pos_ in ("NOUN", "PROPN", "VERB") for t in span):
                continue
            mention = Mention(span.start_char, span.end_char, span.text, span.text, None, "issue", start, end)
            out.append((mention, frame))
    return out


def _rules_decide(evidence) -> bool:
    """Whether _decide settles the pair from the rules alone (the model's features are then not
    worth computing)."""
    return bool(evidence) and (combine(evidence)[2] or _has_decisive(evidence))


def _has_decisive(evidence) -> bool:
    return any(e.kind in DECISIVE_KINDS and abs(e.score) >= DECISIVE_SCORE for e in evidence)


def _decide(evidence, probabilities, model_name: str = "model") -> Decision:
    rule_score, rule_confidence, contradictory = combine(evidence)
    if contradictory:
        return Decision("neutral", 0.0, CONTRADICTION_CONFIDENCE, "rule:contradictory")
    if _has_decisive(evidence) or probabilities is None:
        if abs(rule_score) < 0.1:
            return Decision("neutral", round(rule_score, 3), max(rule_confidence, 0.3), "rule")
        polarity = "favor" if rule_score > 0 else "against"
        return Decision(polarity, round(rule_score, 3), rule_confidence, "rule")
    score = probabilities.get("favor", 0.0) - probabilities.get("against", 0.0)
    polarity = max(probabilities, key=probabilities.get)
    confidence = probabilities[polarity]
    method = f"{model_name}+rule" if evidence else model_name
    return Decision(polarity, round(score, 3), round(confidence, 3), method)


def extract_stances(doc, quotes, claims, entities, doc_input, model_path: Path | None = None) -> list[Stance]:
    """model_path: the polarity model file (None: the shipped one)."""
    index = EntityIndex(entities)
    voices = _voices(quotes, claims)
    model = current_model(model_path)
    model_label = f"model:{model.name}" if model is not None and model.name else "model"
    published = getattr(doc_input, "published", None)
    # the publication date as given (the warehouse reads the article's own published_at)
    stated_at = published.text if isinstance(published, (PublicationDate, UnusableDate)) else None
    author = getattr(doc_input, "author", None)
    # Pass 1: targets and rule evidence per sentence, and the model's features for each pair.
    per_sentence, features = [], []
    for sent in doc_sentences(doc):
        mentions = sentence_mentions(sent, index)
        frames = cue_frames(sent)
        items = []
        for mention in mentions:
            head = mention_head(doc, mention)
            items.append((mention, target_evidence(head, frames)))
        for mention, frame in _issue_mentions(sent, frames, mentions):
            items.append((mention, [_frame_evidence(frame)]))
        if not items:
            continue
        feature_rows = [None] * len(items)  # row of `features` per item (issues: rules only)
        scored = [i for i, (mention, evidence) in enumerate(items)
                  if mention.kind != "issue" and not _rules_decide(evidence)] if model is not None else []
        if scored:
            spans = [(m.token_start, m.token_end) for m in mentions]
            tokens = SentenceTokens(sent)
            for i in scored:
                mention, evidence = items[i]
                feature_rows[i] = len(features)
                features.append(pair_features(sent, mention.token_start, mention.token_end, evidence,
                                              spans, tokens))
        per_sentence.append((sent, items, feature_rows))
    # One model call per document: its fixed cost would dominate if paid per sentence.
    predicted = model.predict_proba(features) if model is not None else []
    # Pass 2: decide each pair and attribute it to its holders.
    stances: list[Stance] = []
    for sent, items, feature_rows in per_sentence:
        probabilities = [predicted[row] if row is not None else None for row in feature_rows]
        for (mention, evidence), probs in zip(items, probabilities):
            decision = _decide(evidence, probs, model_label)
            if decision.polarity == "neutral" and decision.method != "rule:contradictory" and not evidence:
                continue  # no position found: the scorer and the warehouse both read absence as neutral
            voice = _voice_for(voices, mention.start, mention.end)
            evidence_start, evidence_end = _evidence_span(sent, voice)
            source_kind = voice.kind if voice else "sentence"
            holders = _holders(voice, evidence, sent, index, author)
            for holder in holders:
                if holder.key and holder.key == mention.key:
                    continue  # a holder's stance toward itself is not a stance
                stances.append(
                    Stance(
                        holder=holder.name, holder_start=holder.start, holder_end=holder.end,
                        target=mention.name, target_start=mention.start, target_end=mention.end,
                        polarity=decision.polarity, score=float(decision.score), evidence_start=evidence_start,
                        evidence_end=evidence_end, confidence=float(decision.confidence),
                        method=f"{decision.method}+{holder.method}" if holder.method else decision.method,
                        holder_key=holder.key, target_key=mention.key, source_kind=source_kind,
                        stated_at=stated_at, target_kind=mention.kind,
                    )
                )
    return stances


def _frame_evidence(frame) -> Evidence:
    kind = "noun_complement" if frame.cue.pos_ == "NOUN" else "verb_object"
    return Evidence(frame.score, frame.cue, kind, frame.negated, frame.hedged, frame.holders)


def _holders(voice, evidence, sent, index, author) -> list[Holder]:
    if voice is not None:
        return [Holder(voice.holder, voice.holder_key, voice.holder_start, voice.holder_end)]
    holder_tokens = next((e.holders for e in evidence if e.holders), [])
    if holder_tokens:
        out, seen = [], set()
        for mention in holder_mentions(holder_tokens, sent, index):
            if (mention.name, mention.key) in seen:
                continue
            seen.add((mention.name, mention.key))
            out.append(Holder(mention.name, mention.key, mention.start, mention.end,
                              "antecedent" if mention.kind == "antecedent" else None))
        if out:
            return out
    return [Holder(author)]
