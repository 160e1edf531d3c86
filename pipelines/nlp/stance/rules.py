"""Dependency rules for stance: stance verbs and nouns with their arguments, evaluative
predicates ("X is a threat"), negation and its scope, hedges.

Two views of one sentence: `cue_frames` finds every stance cue with its holder and the
phrases it takes a position on (so issue targets like "NATO's interventions" get stances),
and `target_evidence` collects the rule evidence that bears on one target mention.
"""

from dataclasses import dataclass, field
from functools import lru_cache

from pipelines.nlp.doc_cache import token_columns
from pipelines.nlp.stance.lexicon import (
    EVALUATIVE,
    EXPERIENCER_ADJECTIVES,
    HEDGES,
    NEGATING_PHRASES,
    NEGATORS,
    PREP_VERBS,
    ROLE_NOUNS,
    STANCE_NOUNS,
    STANCE_VERBS,
    word_valence,
)

NOUNISH = ("NOUN", "PROPN", "PRON")
OBJECT_DEPS = ("dobj", "obj", "xcomp", "ccomp", "oprd")
NOUN_PREPS = ("to", "for", "of", "toward", "towards", "against", "with", "about", "over", "in", "on")
COPULAS = {"be", "become", "remain", "seem", "look", "prove", "appear", "sound", "stay"}
# Verbs by which a subject says what its object is ("called Clinton a disgrace", "sees China as a partner").
NAMING_VERBS = {"call", "describe", "brand", "label", "dub", "term", "deem", "consider", "portray",
                "characterize", "characterise", "paint", "cast", "regard", "see", "view", "hail", "denounce"}
NEGATION_FACTOR = 0.7  # "not a threat" is favor, but weaker than "a friend"
HEDGE_FACTOR = 0.7
MAX_ISSUE_TOKENS = 14
EXAMPLE_PREPS = ("as", "like", "including")


@dataclass
class CueFrame:
    """One stance cue ("welcome", "aversion") with its holder and what it is about."""

    cue: object  # spaCy Token
    score: float  # after negation and hedges
    negated: bool
    hedged: bool
    holders: list = field(default_factory=list)  # spaCy Tokens (heads of holder phrases)
    objects: list = field(default_factory=list)  # (first token index, end token index, head Token)


@dataclass
class Evidence:
    score: float
    cue: object  # spaCy Token
    kind: str  # verb_object | noun_complement | prep_verb | predicate | passive | modifier | valence
    negated: bool = False
    hedged: bool = False
    holders: list = field(default_factory=list)


def _is_counted(noun) -> bool:
    """A noun with a number or a percentage on it ("5 percent support", "two objections")."""
    return any(c.dep_ == "nummod" or c.ent_type_ in ("PERCENT", "CARDINAL") for c in noun.children)


def _is_hyphen_compound(token) -> bool:
    """The last part of a hyphenated word ("happy" in "trigger-happy")."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_ \
        and not doc[token.i - 2].whitespace_


def _children_conj(token):
    """The token and the tokens coordinated with it ("Moscow and Beijing")."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out.extend(_children_conj(child))
    return out


def _text_between(a, b) -> str:
    doc = a.doc
    lo, hi = min(a.i, b.i), max(a.i, b.i)
    return doc[lo : hi + 1].text.lower()


# "refused to endorse X", "declined to back X": the verb the cue hangs from negates it.
NEGATING_VERBS = {"refuse", "decline", "fail", "stop", "cease", "hesitate"}
# Verbs that end what their object names (a friendship, support, ties): no stance is held any more.
ENDING_VERBS = {"terminate", "end", "sever", "abandon", "renounce", "withdraw", "drop", "cut", "break"}


def is_negated(token, until=None) -> bool:
    """Negation attached to a predicate or its complement, including phrases that scope over it."""
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in NEGATING_VERBS:
        return True
    for child in token.children:
        if child.dep_ == "neg" or (child.lower_ in NEGATORS and child.dep_ in ("advmod", "det", "neg", "preconj")):
            return True
        if child.dep_ == "prep" and any(
            g.lower_ in ("means", "way") and any(d.lower_ == "no" for d in g.children) for g in child.children
        ):
            return True
    if until is not None:
        between = _text_between(token, until)
        if any(phrase in between for phrase in NEGATING_PHRASES):
            return True
    return False


def is_hedged(token) -> bool:
    for child in token.children:
        if child.dep_ in ("aux", "advmod") and child.lower_ in HEDGES:
            return True
    head = token.head
    return head is not token and token.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() in HEDGES


def _apply(score: float, negated: bool, hedged: bool) -> float:
    if negated:
        score = -score * NEGATION_FACTOR
    if hedged:
        score *= HEDGE_FACTOR
    return score


def _subjects(verb) -> list:
    """Subject heads of a verb, climbing through "professed to welcome" and "wants to back"."""
    current = verb
    for _ in range(3):
        subjects = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")]
        if current.dep_ == "relcl" and not subjects:
            return _children_conj(current.head)
        if subjects and current is not verb and not _can_share_subject(verb, current, subjects[0]):
            # "businesses agree that China has long taken advantage ... and support Mr. Trump's
            # efforts": a base form does not continue a perfect, a plural verb a singular subject
            return []
        if subjects:
            if subjects[0].dep_ == "nsubjpass":
                agents = [g for c in current.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
                return [t for a in agents for t in _children_conj(a)]
            return [t for s in subjects for t in _children_conj(s)]
        # "he was able to tout ...": an adjective's complement has the copula's subject
        if current.dep_ in ("xcomp", "conj", "advcl", "acomp") and current.head.i != current.i:
            current = current.head
            continue
        break
    return []


def _can_share_subject(verb, governor, subject) -> bool:
    """False when a verb reached through a conjunction cannot be the governor's subject's: a bare
    base form after a perfect or past ("has taken ... and support"), or a present verb whose
    number the subject contradicts ("China ... support")."""
    if verb.dep_ == "conj" and verb.tag_ == "VB" and governor.tag_ in ("VBN", "VBD", "VBZ") and not any(
            c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    if subject.pos_ == "PRON" or any(c.dep_ == "conj" for c in subject.children):
        return True  # pronouns tag no number; "Moscow and Beijing" are plural
    if verb.tag_ == "VBP":
        return subject.tag_ not in ("NN", "NNP")
    if verb.tag_ == "VBZ":
        return subject.tag_ not in ("NNS", "NNPS")
    return True


def _phrase_bounds(head) -> tuple[int, int]:
    """Token range of a noun phrase or clause, without trailing punctuation or relative clauses."""
    start, end = head.left_edge.i, head.right_edge.i + 1
    for child in head.children:
        if child.i > head.i and child.dep_ in ("relcl", "acl", "punct", "cc", "conj", "advcl"):
            end = min(end, child.left_edge.i)
    while end > start + 1 and head.doc[end - 1].is_punct:
        end -= 1
    while start < end - 1 and head.doc[start].is_punct:
        start += 1
    if end - start > MAX_ISSUE_TOKENS:
        end = min(end, head.i + 1) if head.i + 1 - start <= MAX_ISSUE_TOKENS else head.i + 1
        start = max(start, end - MAX_ISSUE_TOKENS)
    return start, end


def _with_examples(objects: list) -> list:
    """Add the examples an object names ("practices such as NATO's interventions") as objects."""
    out = list(objects)
    for _start, _end, head in objects:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in EXAMPLE_PREPS:
                for example in prep.children:
                    if example.dep_ == "pobj":
                        out.append((*_phrase_bounds(example), example))
    return out


_PREP_VERB_LEMMAS = frozenset(lemma for lemma, _prep in PREP_VERBS)


def cue_frames(sent) -> list[CueFrame]:
    frames = []
    doc = sent.doc
    columns = token_columns(doc)
    for i in range(sent.start, sent.end):
        lemma, pos = columns.lemma[i].lower(), columns.pos[i]
        if pos in ("VERB", "AUX") or (pos == "NOUN" and columns.dep[i] == "ROOT"):
            if lemma not in STANCE_VERBS and lemma not in _PREP_VERB_LEMMAS:
                continue  # no cue: neither its objects nor its particles could make a frame
            token = doc[i]
            objects = []
            base = STANCE_VERBS.get(lemma)
            for child in token.children:
                if base is not None and child.dep_ in OBJECT_DEPS:
                    objects.append((*_phrase_bounds(child), child))
                if child.dep_ == "prep" or child.dep_ == "prt":
                    pair = PREP_VERBS.get((lemma, child.lower_))
                    if pair is None:
                        continue
                    objs = [g for g in child.children if g.dep_ == "pobj"]
                    if child.dep_ == "prt":  # "push back against X"
                        objs = [g for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
                    if objs:
                        negated, hedged = is_negated(token), is_hedged(token)
                        frames.append(
                            CueFrame(token, _apply(pair, negated, hedged), negated, hedged, _subjects(token),
                                     [(*_phrase_bounds(o), o) for o in objs])
                        )
            if base is not None and objects:
                negated, hedged = is_negated(token), is_hedged(token)
                frames.append(CueFrame(token, _apply(base, negated, hedged), negated, hedged, _subjects(token),
                                       _with_examples(objects)))
        elif pos == "NOUN" and lemma in ROLE_NOUNS:
            frame = _role_frame(doc[i], ROLE_NOUNS[lemma])
            if frame is not None:
                frames.append(frame)
        elif pos == "NOUN" and lemma in STANCE_NOUNS:
            token = doc[i]
            objects = [
                (*_phrase_bounds(g), g)
                for p in token.children
                if p.dep_ == "prep" and p.lower_ in NOUN_PREPS
                for g in p.children
                if g.dep_ in ("pobj", "pcomp")
            ]
            if not objects or _is_counted(token) or _fixed_preposition(token):
                continue  # "5 percent support of the black vote" is a poll figure, not a stance
            holders = [c for c in token.children if c.dep_ == "poss"]
            governor = token.head if token.dep_ in ("dobj", "attr", "nsubj", "pobj") else None
            if governor is not None and governor.pos_ == "ADP" and governor.dep_ == "prep" \
                    and governor.head.pos_ == "VERB" and (governor.head.lemma_.lower(), governor.lower_) in PREP_VERBS:
                governor = governor.head  # "the NAACP called for a moratorium on charter schools"
            if token.dep_ == "dobj" and governor.lemma_.lower() in ENDING_VERBS:
                continue  # "an effort to terminate his friendship with Epstein": a stance given up, not held
            if governor is not None and any(c.dep_ == "expl" for c in governor.children):
                continue  # "there was little resistance to Hitler's rule": whether there was any, not whose
            if not holders and governor is not None and governor.pos_ in ("VERB", "AUX"):
                holders = _subjects(governor)
            negated = is_negated(token) or (governor is not None and governor.pos_ in ("VERB", "AUX") and is_negated(governor))
            hedged = governor is not None and is_hedged(governor)
            frames.append(
                CueFrame(token, _apply(STANCE_NOUNS[lemma], negated, hedged), negated, hedged,
                         [h for t in holders for h in _children_conj(t)], _with_examples(objects))
            )
    return frames


def _role_frame(token, score: float) -> CueFrame | None:
    """"Graham is a strong supporter of Trump", "Mosko, a longtime critic of Oz", "I'm not a
    Clinton fan": a person described by a stance role holds it toward the role's object (its
    "of" complement, or the name qualifying it). The possessor of a role is its object too
    ("Trump's critics"), but then the holders are unnamed: no frame."""
    objects = [(*_phrase_bounds(g), g) for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
               for g in p.children if g.dep_ == "pobj"]
    objects += [(c.left_edge.i, c.i + 1, c) for c in token.children
                if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"]
    governor = token.head
    if token.dep_ == "attr" and (governor.lemma_.lower() in COPULAS or governor.pos_ == "AUX"):
        holders = _subjects(governor)
        negated, hedged = is_negated(token) or is_negated(governor), is_hedged(governor)
    elif token.dep_ == "appos" and governor.i != token.i:
        holders = _children_conj(governor)
        negated, hedged = is_negated(token), False
    else:
        return None
    if not objects or not holders:
        return None
    return CueFrame(token, _apply(score, negated, hedged), negated, hedged, holders, objects)


@lru_cache(maxsize=1)
def person_head_nouns() -> frozenset[str]:
    """Nouns that denote a person: offices, roles and relatives (the speaker resolver's lists)."""
    from pipelines.nlp.entities.coref import KIN_NOUNS, PERSON_NOUNS

    return frozenset(PERSON_NOUNS | KIN_NOUNS)


def is_someone_of(token) -> bool:
    """A name possessing or qualifying a person noun ("Trump's wife", "Russia's president",
    "Cruz's lawyer"): the phrase is about that other person."""
    governor = token.head
    return (token.dep_ in ("poss", "compound") and governor.i != token.i and governor.pos_ == "NOUN"
            and governor.lemma_.lower() in person_head_nouns())


def _fixed_preposition(noun) -> bool:
    """"with respect to", "in respect of": a preposition, not the attitude."""
    doc = noun.doc
    return (noun.lower_ == "respect" and noun.i > 0 and doc[noun.i - 1].lower_ in ("with", "in")
            and noun.i + 1 < len(doc) and doc[noun.i + 1].lower_ in ("to", "of"))


def _np_chain(head) -> list:
    """Tokens whose phrase the target's stance carries to: "China" -> "growth" in "China's growth",
    "rise" in "the rise of China", and the first conjunct in "Moscow and Beijing"."""
    chain = [head]
    token = head
    for _ in range(4):
        if token.dep_ in ("poss", "compound", "amod", "nmod") and token.head.pos_ in ("NOUN", "PROPN"):
            token = token.head
        elif token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ in ("NOUN", "PROPN"):
            token = token.head.head
        elif token.dep_ in ("conj", "appos") and token.head.pos_ in NOUNISH:
            token = token.head
        else:
            break
        chain.append(token)
    return chain


def is_experiencer(head) -> bool:
    """Whether the mention is the subject (or a conjunct of it) of a feeling ("My husband and I
    were frightened", "Scarola is pleased"): it holds the sentiment, it is not its target."""
    top = _np_chain(head)[-1]
    verb = top.head
    if top.dep_ != "nsubj" or not (verb.lemma_.lower() in COPULAS or verb.pos_ == "AUX"):
        return False
    return any(c.dep_ in ("acomp", "attr") and (c.lemma_.lower() in EXPERIENCER_ADJECTIVES
                                                or c.lower_ in EXPERIENCER_ADJECTIVES)
               for c in verb.children)


PLACE_PREPOSITIONS = {"in", "at", "near", "across", "throughout", "inside", "outside", "around", "from"}


def _in_a_place_phrase(token, top) -> bool:
    """"U.S. forces in southern Syria's al-Tanf": a name under a locative preposition inside
    the object phrase is where, not whom, the stance is about."""
    for _ in range(8):
        if token.i == top.i or token.head.i == token.i:
            return False
        token = token.head
        if token.pos_ == "ADP" and token.lower_ in PLACE_PREPOSITIONS:
            return True
    return False


def target_evidence(head, frames: list[CueFrame]) -> list[Evidence]:
    """Rule evidence about the target whose syntactic head is `head`."""
    evidence = []
    chain = _np_chain(head)
    chain_ids = {t.i for t in chain}
    is_holder = False
    for frame in frames:
        # the phrase the target heads up to the cue: "Mosko, a critic of Oz" climbs from Oz
        # through "critic" to Mosko, who holds the stance and is not the target
        cue_at = next((k for k, t in enumerate(chain) if t.i == frame.cue.i), None)
        own_ids = chain_ids if cue_at is None else {t.i for t in chain[:cue_at]}
        if any(h.i in own_ids for h in frame.holders):
            is_holder = True
            continue  # the target is who holds the stance, not what it is about
        for start, end, obj_head in frame.objects:
            # a possessor or modifier inside the phrase shares its stance ("China's junior partner");
            # a place in a prepositional phrase does not ("interventions in Libya")
            inside = obj_head.i in chain_ids or (start <= head.i < end and head.dep_ in ("poss", "compound", "amod")
                                                 and not _in_a_place_phrase(head, obj_head))
            if inside and is_someone_of(head):
                break  # "attacking Trump's wife": the stance is toward her, not toward Trump
            if inside:
                kind = "noun_complement" if frame.cue.pos_ == "NOUN" else "verb_object"
                evidence.append(Evidence(frame.score, frame.cue, kind, frame.negated, frame.hedged, frame.holders))
                break
    top = chain[-1]
    verb = top.head
    if top.dep_ == "nsubjpass" and verb.lemma_.lower() in STANCE_VERBS:
        negated, hedged = is_negated(verb), is_hedged(verb)
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        score = _apply(STANCE_VERBS[verb.lemma_.lower()], negated, hedged)
        evidence.append(Evidence(score, verb, "passive", negated, hedged, agents))
    elif top.dep_ == "nsubj" and (verb.lemma_.lower() in COPULAS or verb.pos_ == "AUX"):
        for complement in verb.children:
            # "be" takes no object: a dobj on it is the parser's misread complement ("She’s a disgrace")
            if complement.dep_ not in ("attr", "acomp", "oprd") and not (
                    complement.dep_ == "dobj" and verb.lemma_.lower() == "be"):
                continue
            evidence.extend(_predicate_evidence(verb, complement))
    elif top.dep_ == "dobj" and verb.lemma_.lower() in NAMING_VERBS:
        # "Christie called Clinton a disgrace", "described Clinton as a 'disgrace'": the subject
        # says what the object is
        holders = _subjects(verb)
        for complement in _naming_complements(verb, top):
            evidence.extend(_predicate_evidence(verb, complement, holders))
    elif top.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.lemma_.lower() not in STANCE_VERBS and not is_holder:
        value = word_valence(verb.lemma_, verb.lower_)
        if abs(value) >= 0.3:
            negated, hedged = is_negated(verb), is_hedged(verb)
            evidence.append(Evidence(_apply(value * 0.6, negated, hedged), verb, "valence", negated, hedged))
    for modifier in head.children:
        if modifier.dep_ == "amod":
            value = EVALUATIVE.get(modifier.lemma_.lower(), word_valence(modifier.lemma_, modifier.lower_))
            if abs(value) >= 0.3:
                evidence.append(Evidence(value * 0.8, modifier, "modifier"))
    return evidence


def _predicate_evidence(verb, complement, holders=()) -> list[Evidence]:
    """Evidence from what a predicate says its subject (or a naming verb's object) is: each
    conjunct of the complement with an evaluative word ("a threat", "reliable", "a nice man")."""
    out = []
    for i, part in enumerate(_children_conj(complement)):
        if part.lemma_.lower() in EXPERIENCER_ADJECTIVES or part.lower_ in EXPERIENCER_ADJECTIVES:
            continue  # "my husband and I were frightened": how the subject feels, not what it is
        value = EVALUATIVE.get(part.lemma_.lower())
        if value is None and _is_hyphen_compound(part):
            continue  # "trigger-happy" means nothing like "happy"
        if value is None:
            value = word_valence(part.lemma_, part.lower_)
            value += sum(word_valence(m.lemma_, m.lower_) for m in part.children if m.dep_ == "amod")
        if not value:
            continue
        # "by no means a threat, but a challenge": the negation scopes over the first conjunct only
        negated = (i == 0 and is_negated(verb, until=part)) or is_negated(part)
        hedged = is_hedged(verb)
        out.append(Evidence(_apply(max(-1.0, min(1.0, value)), negated, hedged), part, "predicate", negated, hedged,
                            list(holders)))
    return out


def _naming_complements(verb, named) -> list:
    """What a naming verb calls its object: "a disgrace" in "called Clinton a disgrace" (the
    parser's oprd, or a second object), "as a disgrace" in "described Clinton as a disgrace"."""
    out = []
    for child in verb.children:
        if child.i == named.i:
            continue
        if child.dep_ == "oprd" or (child.dep_ == "dobj" and child.i > named.i):
            out.append(child)
        elif child.dep_ == "prep" and child.lower_ == "as":
            out.extend(g for g in child.children if g.dep_ == "pobj")
    return out


def combine(evidence: list[Evidence]) -> tuple[float, float, bool]:
    """(score, confidence, contradictory) of the rule evidence about one target."""
    if not evidence:
        return 0.0, 0.0, False
    strong = [e.score for e in evidence if abs(e.score) >= 0.4]
    if any(s > 0 for s in strong) and any(s < 0 for s in strong):
        return 0.0, 0.2, True
    score = max(-1.0, min(1.0, sum(e.score for e in evidence)))
    confidence = min(0.9, 0.45 + 0.4 * abs(score))
    if any(e.hedged for e in evidence):
        confidence *= 0.8
    return score, confidence, False
