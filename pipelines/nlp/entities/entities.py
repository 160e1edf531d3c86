"""People, organizations and places of one document, each with every mention of it.

Within a document, "Vladimir Putin", "Putin", "Mr. Putin" and "Putin's" become one entity:
short person mentions attach to the full name ending (or starting) with them: the most recent
one, or for a surname several people share, the one shared_surnames.py's evidence picks.
Across documents entities merge on a normalized name key; the user-editable alias file
(entity_aliases.yaml, see its header) can merge names into one key or keep names apart.
"""

import re
from bisect import bisect_right
from dataclasses import dataclass

from pipelines.nlp.doc_cache import doc_text
from pipelines.nlp.entities.aliases import AliasRules, load_alias_rules
from pipelines.nlp.entities.name_repair import repaired_span
from pipelines.nlp.entities.names import clean_name, name_key, name_tokens
from pipelines.nlp.entities.shared_surnames import SharedSurnames
from pipelines.nlp.types import Entity, Mention

EXTRACTOR_VERSION = "entities-1.22"

_INNER_POSSESSIVE = re.compile(r"['’]s\s+\S")
# A headline's verb the NER reads into a name ("Obama Says African-American Museum ...", "Trump
# Slams Cruz Over Ads"): the name ends before it.
_HEADLINE_VERB = re.compile(r"\s+(?:Says|Said|Tells|Told|Calls|Urges|Warns|Vows|Slams|Blasts|Rips|Insists|"
                            r"Admits|Claims|Denies|Defends|Praises|Backs|Endorses|Wants|Will|Is|Has)\b")
_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "GPE", "NORP": "NORP"}


@dataclass
class _Cluster:
    type: str
    full_tokens: list[str]  # the longest form seen, title-free
    mentions: list[Mention]
    names: list[str]


def build_entities(doc, rules: AliasRules | None = None) -> list[Entity]:
    rules = rules if rules is not None else load_alias_rules()
    text = doc_text(doc)
    raw = []
    ents = list(doc.ents)
    names = {ent.text for ent in ents}
    bodies: set[str] = set()  # one-word "persons" a repair showed to be bodies ("at Ubisoft")
    for ent in ents:
        etype = _TYPES.get(ent.label_)
        if etype is None:
            continue
        ent_start, ent_end, etype = repaired_span(ent, etype, names)
        if etype is None:
            continue
        if etype == "ORG" and _TYPES[ent.label_] != "ORG" and len(ent) == 1:
            bodies.add(ent.text)
        start, end, name = clean_name(text, ent_start, ent_end)
        if etype == "PERSON":
            inner = _INNER_POSSESSIVE.search(name)
            if inner:  # "Putin's Grand Plan" (a headline or a work's title): the person is Putin
                end, name = start + inner.start(), name[:inner.start()]
        verb = _HEADLINE_VERB.search(name)
        if verb:
            end, name = start + verb.start(), name[:verb.start()]
        if not name or not any(ch.isalpha() for ch in name):
            continue
        raw.append((start, end, name, etype))
    if bodies:  # the NER's other "Ubisoft" mentions, typed PERSON, are the same body
        raw = [(start, end, name, "ORG" if etype == "PERSON" and name in bodies else etype)
               for start, end, name, etype in raw]
    clusters = _cluster(raw, rules, text)
    _add_unlabelled_surnames(doc, text, clusters)
    return _to_entities(clusters, rules)


def _cluster(raw, rules: AliasRules, text: str) -> list[_Cluster]:
    # Full person names first so that a surname met before its full name still attaches.
    clusters: list[_Cluster] = []
    by_key: dict[str, _Cluster] = {}
    persons_full: list[_Cluster] = []
    for start, end, name, etype in raw:
        tokens = name_tokens(name)
        if etype == "PERSON" and len(tokens) >= 2:
            key = name_key(name, "PERSON")
            cluster = by_key.get(key)
            if cluster is None:
                cluster = _Cluster("PERSON", tokens, [], [])
                by_key[key] = cluster
                clusters.append(cluster)
                persons_full.append(cluster)
            elif len(tokens) > len(cluster.full_tokens):
                cluster.full_tokens = tokens
    persons_full = _join_name_suffixes(persons_full, clusters, by_key)
    surname_index: dict[str, list[_Cluster]] = {}
    for cluster in persons_full:
        surname_index.setdefault(cluster.full_tokens[-1].lower(), []).append(cluster)
        surname_index.setdefault(cluster.full_tokens[0].lower(), []).append(cluster)
    shared = _shared_surnames(text, raw, by_key, surname_index)
    last_full: dict[str, _Cluster] = {}  # name word -> the full name most recently mentioned
    for start, end, name, etype in raw:
        tokens = name_tokens(name)
        mention = Mention(start, end, name)
        cluster = None
        if etype == "PERSON" and len(tokens) >= 2:
            cluster = by_key[name_key(name, "PERSON")]
            for token in (tokens[0], tokens[-1]):
                last_full[token.lower()] = cluster
        elif len(tokens) == 1 and tokens[0].lower() in surname_index:
            # "Putin" (sometimes tagged ORG or GPE by the model) joins the full name mentioned
            # most recently ("Clinton" after "Hillary Clinton"), unless the alias file keeps
            # the two apart.
            word = tokens[0].lower()
            candidates = _bare_name_candidates(word, surname_index[word], last_full, shared, start, end)
            for candidate in candidates:
                if not rules.kept_apart(name, " ".join(candidate.full_tokens)):
                    cluster = candidate
                    break
        if cluster is None:
            key = name_key(name, etype)
            cluster = by_key.get(key)
            if cluster is None:
                cluster = _Cluster(etype, tokens, [], [])
                by_key[key] = cluster
                clusters.append(cluster)
        cluster.mentions.append(mention)
        if name not in cluster.names:
            cluster.names.append(name)
    return clusters


def _join_name_suffixes(persons: list[_Cluster], clusters: list[_Cluster],
                        by_key: dict[str, _Cluster]) -> list[_Cluster]:
    """A person's name of several words that ends one longer name of the article is that person
    ("Van Der Beek" after "James Van Der Beek"); with two longer names it ends, it stays apart."""
    joined: set[int] = set()
    for short in persons:
        words = [t.lower() for t in short.full_tokens]
        longer = [c for c in persons if len(c.full_tokens) > len(words)
                  and [t.lower() for t in c.full_tokens[-len(words):]] == words]
        if len(longer) == 1:
            for key, cluster in by_key.items():
                if cluster is short:
                    by_key[key] = longer[0]
            clusters.remove(short)
            joined.add(id(short))
    return [c for c in persons if id(c) not in joined]


def _shared_surnames(text: str, raw, by_key: dict[str, _Cluster],
                     surname_index: dict[str, list[_Cluster]]) -> SharedSurnames:
    """Who is named how often, first where and with which office: the evidence that tells
    people sharing a surname apart."""
    shared = SharedSurnames(text)
    given_names = {}
    for clusters in surname_index.values():
        for cluster in clusters:
            given_names.setdefault(cluster.full_tokens[0].lower(), set()).add(id(cluster))
    for start, end, name, etype in raw:
        tokens = name_tokens(name)
        if etype == "PERSON" and len(tokens) >= 2:
            shared.named(by_key[name_key(name, "PERSON")], start, full=True)
        elif len(tokens) == 1 and len(given_names.get(tokens[0].lower(), ())) == 1:
            cluster = next(c for c in surname_index[tokens[0].lower()] if c.full_tokens[0].lower() == tokens[0].lower())
            shared.named(cluster, start, full=False)
    return shared


def _bare_name_candidates(word: str, candidates: list[_Cluster], last_full: dict[str, _Cluster],
                          shared: SharedSurnames, start: int, end: int) -> list[_Cluster]:
    """The full names a lone name word may join, best first: for a surname several people
    share, SharedSurnames' evidence (never mere recency); for a given name, or a surname of
    one person, the full name mentioned most recently."""
    by_surname = [c for c in candidates if c.full_tokens[-1].lower() == word]
    if len(by_surname) > 1:
        return shared.rank(by_surname, start, end) + [c for c in candidates if c not in by_surname]
    if word in last_full:
        return [last_full[word]] + [c for c in candidates if c is not last_full[word]]
    return candidates


def _add_unlabelled_surnames(doc, text: str, clusters: list[_Cluster]) -> None:
    """Capitalized words the NER missed ("Putin’s" in a headline) that equal a known surname, and
    a body's name of two or more words where it acts ("Big Machine have twice denied", "The
    group that owns her music, Big Machine,"); found with one regular-expression pass over the
    text, not a Python loop over tokens. A body's name elsewhere is left alone: the NER's ORG
    labels on products and series ("Apple Watch Series", "LEGO Star Wars") are not repeated."""
    surnames: dict[str, _Cluster] = {}
    bodies: set[str] = set()
    for cluster in clusters:
        if cluster.type == "PERSON" and len(cluster.full_tokens) >= 2:
            last = cluster.full_tokens[-1]
            if last[:1].isupper() and len(last) > 2:
                surnames.setdefault(last, cluster)
    for cluster in clusters:
        if cluster.type == "ORG" and len(cluster.full_tokens) >= 2 \
                and all(token[:1].isupper() for token in cluster.full_tokens):
            name = " ".join(cluster.full_tokens)
            if name not in surnames:
                surnames[name] = cluster
                bodies.add(name)
    if not surnames:
        return
    spans = sorted((m.start, m.end) for cluster in clusters for m in cluster.mentions)
    starts = [a for a, _ in spans]

    def covered(start: int, end: int) -> bool:
        i = bisect_right(starts, start) - 1
        return i >= 0 and spans[i][1] > start or (i + 1 < len(spans) and spans[i + 1][0] < end)

    pattern = re.compile(r"(?<![\w.-])(?:" + "|".join(re.escape(s) for s in sorted(surnames, key=len, reverse=True))
                         + r")(?![\w-])")
    for match in pattern.finditer(text):
        name = match.group()
        if covered(match.start(), match.end()) or (name in bodies and not _acts(doc, match.start(), match.end())):
            continue
        surnames[name].mentions.append(Mention(match.start(), match.end(), name))


def _acts(doc, start: int, end: int) -> bool:
    """Whether the name is a clause's subject or in apposition to one."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.dep_ in ("nsubj", "nsubjpass", "appos")


def _to_entities(clusters: list[_Cluster], rules: AliasRules) -> list[Entity]:
    merged: dict[str, Entity] = {}
    for cluster in clusters:
        canonical = " ".join(cluster.full_tokens)
        key = name_key(canonical, cluster.type)
        key, canonical = rules.canonical(key, canonical)
        entity = merged.get(key)
        if entity is None:
            entity = Entity(key=key, canonical_name=canonical, type=cluster.type)
            merged[key] = entity
        entity.mentions.extend(cluster.mentions)
        for name in cluster.names:
            if name != entity.canonical_name and name not in entity.aliases:
                entity.aliases.append(name)
    for entity in merged.values():
        entity.mentions.sort(key=lambda m: m.start)
    return sorted(merged.values(), key=lambda e: e.mentions[0].start if e.mentions else 0)


class EntityIndex:
    """Entity mentions of one document in text order, for looking speakers up by offset."""

    def __init__(self, entities: list[Entity]):
        pairs = sorted(((m.start, m.end, e) for e in entities for m in e.mentions), key=lambda p: p[0])
        self.starts = [p[0] for p in pairs]
        self.pairs = pairs
        self.by_surname: dict[str, Entity] = {}
        for e in entities:
            if e.type == "PERSON":
                tokens = name_tokens(e.canonical_name)
                if tokens:
                    self.by_surname.setdefault(tokens[-1].lower(), e)

    def at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping [start, end), the longest overlap winning."""
        i = bisect_right(self.starts, end - 1) - 1
        best, best_overlap = None, 0
        # Mentions are short, so only those starting shortly before `start` can overlap.
        while i >= 0 and self.pairs[i][0] > start - 200:
            s, e, entity = self.pairs[i]
            overlap = min(e, end) - max(s, start)
            if overlap > best_overlap:
                best, best_overlap = entity, overlap
            i -= 1
        return best

    def preceding(self, offset: int, types: tuple[str, ...], window: int = 3000, skip=None,
                  exclude_keys=frozenset(), accept=None):
        """The closest entity of one of `types` mentioned before offset (within window chars),
        leaving out mentions `skip(start, end)` rejects, entities whose key is excluded and
        entities `accept(entity)` refuses (gender agreement)."""
        i = bisect_right(self.starts, offset) - 1
        while i >= 0:
            s, e, entity = self.pairs[i]
            if s < offset - window:
                break
            if (e <= offset and entity.type in types and entity.key not in exclude_keys
                    and (skip is None or not skip(s, e)) and (accept is None or accept(entity))):
                return entity, s, e
            i -= 1
        return None

    def by_name(self, text: str) -> Entity | None:
        tokens = name_tokens(text)
        if tokens:
            return self.by_surname.get(tokens[-1].lower())
        return None
