"""Resolve a speaker mention (name, pronoun, definite description) to an entity of the document.

Rules, not a learned model: names resolve by their mention or their surname; "he"/"she" to the
closest preceding person of their gender, or, when that person is only an object, to the subject
of its sentence; "it"/"they" to the closest organization or place that is not a
modifier ("Democratic senators"), or when that one is only an object, to the organization or place
its sentence's subject names; "we" outside quotations to nothing (the writer's voice); "who" to the
noun it modifies; "the president", "Russia's prime minister" like "he"/"she" (a gendered noun agrees),
but a plural one ("the officials") or one continuing an unnamed "a spokesperson" to nothing;
a document ("a report in the Argus Leader", "a study by Pew") to its named author or to nothing;
"the campaign" to the closest preceding organization, "the X office" first to one named "X ...
Office"; someone's relative ("Ford's father") and a modified body no earlier name fits ("the
French foreign ministry") to nothing. Mentions inside quotations are never antecedents.
"""

from pipelines.nlp.doc_cache import token_columns
from pipelines.nlp.entities.entities import EntityIndex
from pipelines.nlp.entities.gender import agrees, pronoun_evidence
from pipelines.nlp.entities.names import clean_name, name_key, name_tokens
from pipelines.nlp.entities.shared_surnames import offices_before
from pipelines.nlp.types import Entity, Mention

PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
_PLACE_PREPOSITIONS = {"in", "at", "near", "outside", "across", "over", "inside", "throughout"}
GROUP_PRONOUNS = {"they", "them", "their", "it", "its", "we", "us", "our"}
FIRST_PERSON_PLURAL = {"we", "us", "our"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
OBJECT_DEPS = {"dobj", "pobj", "poss", "dative"}  # where a mention is not what the sentence is about
RELATIVE_PRONOUNS = {"who", "whom", "whose", "which", "that"}
# Head nouns of descriptions that denote a person (an office or role) ...
PERSON_NOUNS = {
    "president", "minister", "premier", "chancellor", "senator", "governor", "mayor", "candidate",
    "nominee", "spokesman", "spokeswoman", "spokesperson", "secretary", "leader", "chairman",
    "chairwoman", "chair", "director", "official", "ambassador", "adviser", "advisor", "aide",
    "manager", "strategist", "pollster", "congressman", "congresswoman", "lawmaker", "representative",
    "king", "queen", "prince", "general", "commander", "judge", "justice", "attorney", "lawyer",
    "businessman", "businesswoman", "mogul", "executive", "ceo", "founder", "author", "professor",
    "economist", "analyst", "expert", "man", "woman", "father", "mother", "husband", "wife", "son",
    "daughter", "democrat", "republican", "incumbent", "challenger", "speaker", "vice", "politician",
}
# Offices that are never a surname on their own ("King" and "Justice" can be).
OFFICE_WORDS = {"senator", "sen", "president", "governor", "gov", "minister", "mayor", "secretary", "chairman",
                "chairwoman", "ambassador", "chancellor", "premier", "congressman", "congresswoman",
                "representative", "rep", "spokesman", "spokeswoman", "spokesperson"}
FEMALE_NOUNS = {"woman", "mother", "wife", "daughter", "queen", "spokeswoman", "chairwoman", "congresswoman",
                "businesswoman", "girl", "sister", "grandmother"}
MALE_NOUNS = {"man", "father", "husband", "son", "king", "prince", "spokesman", "chairman", "congressman",
              "businessman", "boy", "brother", "grandfather"}
KIN_NOUNS = {"mother", "father", "wife", "husband", "son", "daughter", "sister", "brother", "grandmother",
             "grandfather", "parent", "child", "cousin", "uncle", "aunt", "widow", "widower"}
GENDERED_NOUNS = {**{noun: "she" for noun in FEMALE_NOUNS}, **{noun: "he" for noun in MALE_NOUNS}}
# ... or an organization.
# Words for a business or an agency, which news refers back to with whatever name came last ("Apple ...
# the company said"); other institution words (commission, ministry, court) name a body whose
# own name carries the word, not the nearest organization.
FIRM_NOUNS = {"company", "agency", "firm", "group", "organization", "organisation", "bank", "business", "corporation",
              "network", "paper", "newspaper", "team"}
# A description noun and the titles that introduce the person it describes ("the judge" is the
# one introduced as "Justice Frank Nervo", whoever was named since).
ROLE_TITLES = {
    "judge": {"judge", "justice"}, "justice": {"justice", "judge"}, "senator": {"sen", "senator"},
    "governor": {"gov", "governor"}, "congressman": {"rep", "representative"},
    "congresswoman": {"rep", "representative"}, "representative": {"rep", "representative"},
    "general": {"gen", "general"}, "mayor": {"mayor"}, "president": {"president"},
    "secretary": {"secretary"}, "minister": {"minister"}, "chancellor": {"chancellor"},
    "ambassador": {"ambassador"}, "premier": {"premier"}, "speaker": {"speaker"},
    "chairman": {"chairman", "chairwoman"}, "chairwoman": {"chairwoman", "chairman"},
}
# Title words that make another office of the same noun ("vice president", "deputy secretary").
TITLE_QUALIFIERS = {"vice", "deputy", "assistant", "lieutenant", "under"}
# How far back (characters) a titled person may be named for "the senator" to mean them: further
# back, the story has usually moved on to someone introduced without a title.
TITLED_WINDOW = 1200
MAX_PRONOUN_CHAIN = 3  # "he" ... "he" ... "he": how many subject pronouns back a chain is followed
ORG_NOUNS = {
    "campaign", "company", "agency", "committee", "department", "ministry", "government", "administration",
    "party", "group", "organization", "organisation", "firm", "bank", "council", "court", "commission",
    "office", "team", "board", "union", "paper", "newspaper", "network", "foundation", "institute",
    "university", "association", "coalition", "kremlin", "embassy", "military", "army", "police",
    "white", "house", "senate", "congress", "state", "country", "nation",
}


INTRODUCTION_WINDOW = 120  # tokens back: about the last few sentences


def _introduced_unnamed(head) -> bool:
    """"A spokesperson who did not wish to be named said ... "...," the spokesperson said": the
    description continues an earlier indefinite one ("a", "an", "another", "one" + the same noun),
    which names nobody."""
    doc = head.doc
    lemma = head.lemma_.lower()
    for token in doc[max(0, head.i - INTRODUCTION_WINDOW):head.i]:
        if token.lemma_.lower() == lemma and token.pos_ == "NOUN" and any(
                (c.dep_ == "det" and c.lower_ in ("a", "an", "another")) or (c.dep_ == "nummod" and c.lower_ == "one")
                for c in token.children):
            # "a spokesperson, Jane Doe," names someone after all
            return not any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in token.children)
    return False


def _people_in_between(doc, start: int, end: int) -> bool:
    """Whether people who could be "they" stand between a body's name and the pronoun: "he and his
    wife Kali explained ... they said" are the couple, not the firm named before them; so are
    "the researchers", and two named people in any role."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    for token in span:
        if token.tag_ == "NNS" and token.lemma_.lower() in PERSON_NOUNS:
            return True  # "the researchers", "two big-name Democratic politicians"
        if token.dep_ not in SUBJECT_DEPS and token.ent_type_ != "PERSON":
            continue
        conjuncts = [token, *(c for c in token.children if c.dep_ == "conj")]
        if len(conjuncts) > 1 and any(t.ent_type_ == "PERSON" or t.lower_ in ("he", "she", "i") for t in conjuncts):
            return True  # "he and his wife Kali", "Senator Elizabeth Warren and congresswoman Alexandria Ocasio-Cortez"
    return False


_DEFINITE = ("the", "this", "that")


def _is_definite(noun) -> bool:
    return any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children)


DESCRIPTION_LOOKBACK = 3000  # tokens before a person's first mention searched for the same description


def _described_before_named(head, person: Entity) -> bool:
    """Whether the description ("the man") was already used before the person's first mention:
    then it is someone the story followed before that person came in."""
    if not person.mentions:
        return False
    doc = head.doc
    first = doc.char_span(*min((m.start, m.end) for m in person.mentions), alignment_mode="expand")
    if first is None:
        return False
    columns = token_columns(doc)
    lemma, lemmas, pos, lower, heads = head.lemma_, columns.lemma, columns.pos, columns.lower, columns.head

    def definite(i):  # "the man", "the 43-year-old man"
        return any(lower[j] in _DEFINITE and heads[j] == i for j in range(max(0, i - 5), i))

    return any(lemmas[i] == lemma and pos[i] == "NOUN" and definite(i)
               for i in range(max(0, first.start - DESCRIPTION_LOOKBACK), first.start))


# What a person or body writes or issues: "a report in the Argus Leader", "Acme's statement",
# "a blog post (the company published) that said" speak for whoever wrote them.
DOCUMENT_NOUNS = {"report", "statement", "post", "letter", "article", "story", "study", "review", "filing",
                  "release", "memo", "tweet", "editorial", "column", "blog", "analysis", "survey", "poll"}
AUTHOR_PREPOSITIONS = {"in", "by", "from", "of"}
DOCUMENT_LOOKBACK = 400  # tokens: a few paragraphs
PUBLISHING_VERBS = {"publish", "release", "issue", "post", "write", "send", "file", "put", "tweet"}


def _always_after_the(entity: Entity, text: str) -> bool:
    """A "person" the text only ever writes as "the X" ("the Moon", "the Ryman") is a thing the
    NER mislabelled: never the antecedent of he/she."""
    mentions = entity.mentions
    return bool(mentions) and all(text[max(0, m.start - 4):m.start].lower() == "the " for m in mentions)


class SpeakerResolver:
    def __init__(self, entities: list[Entity], in_quote_char, text: str):
        """in_quote_char(start, end) -> True when the span lies inside a quotation.
        Named speakers the NER missed are appended to `entities` (the document's list)."""
        self.entities = entities
        self.in_quote_char = in_quote_char
        self.index = EntityIndex(entities)
        self.text = text
        self.added: dict[str, Entity] = {}
        self._gender_evidence: dict[str, str] | None = None

    def agrees(self, entity: Entity, pronoun: str, doc) -> bool:
        """Gender agreement, with the document's pronoun evidence (computed on first use)."""
        if self._gender_evidence is None:
            self._gender_evidence = pronoun_evidence(self.entities, doc, self.in_quote_char)
        return agrees(entity, pronoun, self.text, self._gender_evidence)

    def resolve_or_add(self, head, span_start: int, span_end: int, is_name: bool = False) -> Entity | None:
        """is_name: the caller knows the head is a name whatever its part-of-speech tag."""
        entity = self.resolve(head, span_start, span_end)
        if entity is not None or (head.pos_ != "PROPN" and not is_name):
            return entity
        # "Mr. King said": a named speaker is an entity even when the NER missed the name.
        start, end, name = clean_name(self.text, span_start, span_end)
        tokens = name_tokens(name)
        if not tokens or not any(ch.isalpha() for ch in name):
            return None
        if len(tokens) == 1 and tokens[0].lower().rstrip(".") in OFFICE_WORDS:
            return None  # "Senator from Texas says ...": an office capitalized in a headline, not a name
        honorific = self.text[span_start:start + 1].lower().split()[:1]
        etype = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "NORP"}.get(head.ent_type_, "PERSON" if (
            honorific and honorific[0].rstrip(".") in {"mr", "mrs", "ms", "dr", "sen", "rep", "gov"}) else "OTHER")
        canonical = " ".join(tokens)
        key = name_key(canonical, etype)
        entity = self.added.get(key) or next((e for e in self.entities if e.key == key), None)
        if entity is None:
            entity = Entity(key=key, canonical_name=canonical, type=etype)
            self.entities.append(entity)
            self.added[key] = entity
        if not any(m.start == start for m in entity.mentions):
            entity.mentions.append(Mention(start, end, self.text[start:end]))
        return entity

    def resolve(self, head, span_start: int, span_end: int) -> Entity | None:
        """The entity a speaker mention (head token, char span) refers to, or None. A name inside
        a description that is not its head ("the influential US daily") is not the speaker."""
        entity = self.index.at(head.idx, head.idx + len(head.text))
        if entity is not None:
            return entity
        lower = head.text.lower()
        if head.pos_ == "PROPN":
            found = self.index.by_name(self.text[span_start:span_end])
            if found is not None:
                return found
        has_name, named = self._appositive_name(head)
        if has_name:
            return named
        if lower in RELATIVE_PRONOUNS and head.dep_ in ("nsubj", "nsubjpass") and head.head.dep_ == "relcl":
            noun = head.head.head
            return self.resolve(noun, noun.idx, noun.idx + len(noun.text))
        if lower in PERSON_PRONOUNS:
            def accept(entity):
                return self.agrees(entity, lower, head.doc) and not _always_after_the(entity, self.text)

            return self._person_before(head, head.idx, accept)
        if lower in FIRST_PERSON_PLURAL:
            return None  # outside a quotation "we" is the writer's voice ("as we've noted"), not a body named nearby
        if lower in GROUP_PRONOUNS:
            doc = head.doc

            def not_a_group(start, end):
                # "Democratic senators": a word qualifying a noun is not a group "they" refers to;
                # "a crash in Afghanistan": a place where something happened does not speak
                if self.in_quote_char(start, end):
                    return True
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is None:
                    return False
                root = span.root
                a_place = root.ent_type_ in ("GPE", "LOC", "FAC") and root.dep_ == "pobj"
                return root.dep_ in ("amod", "compound") or (a_place and root.head.lower_ in _PLACE_PREPOSITIONS)

            # never a person: "it" is a thing or a body ("the GOP nominee" is not "it")
            types = ("ORG", "GPE", "NORP")
            found = self.index.preceding(head.idx, types, window=600, skip=not_a_group)
            if found is None or _people_in_between(doc, found[2], head.idx):
                return None
            if head.dep_ in SUBJECT_DEPS:
                # "VW says the car is for North America and Europe, but it didn't say when": "it"
                # continues the sentence's subject, not a place named in an object
                subject = self._sentence_subject(head, found, lambda entity: entity.type in types, types,
                                                 same_sentence=True)
                if subject is not None:
                    return subject
            return found[0]
        noun = head.lemma_.lower()
        if head.pos_ == "PROPN" and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.children):
            return None  # "the Sioux Falls Argus Leader": a name the NER missed, not a description ("the leader")
        if noun in DOCUMENT_NOUNS:
            return self._author_of(head) or self._earlier_document_author(head)
        determiner = any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "another", "some", "one")
                         for c in head.children)
        if not determiner:
            return None
        if noun in KIN_NOUNS and any(c.dep_ == "poss" for c in head.children):
            return None  # "Ford's father", "the victim's mother": someone's unnamed relative
        if noun in PERSON_NOUNS:
            if head.tag_ in ("NNS", "NNPS") or _introduced_unnamed(head):
                return None  # "the authors" are a group; "A spokesperson who ... the spokesperson": no name
            # "Russia's prime minister" is not Russia: skip mentions inside the description.
            # "The victim's mother" is a woman: never the kidnapper named just before.
            titled = self._titled_before(head, span_start) if head.tag_ == "NN" else None
            if titled is not None:
                return titled
            if any(c.dep_ == "poss" for c in head.children):
                return None  # "Morrison's lawyer": someone's unnamed lawyer, not the person named last
            pronoun = GENDERED_NOUNS.get(noun)
            person = self._person_before(head, span_start,
                                         (lambda entity: self.agrees(entity, pronoun, head.doc)) if pronoun else None)
            if person is not None and _described_before_named(head, person):
                return None  # "the man" ran through the story before Dempsey was named: not Dempsey
            return person
        if noun in ORG_NOUNS:
            if head.tag_ in ("NNS", "NNPS"):
                return None  # "the companies said": several bodies, not the one named last
            # "the prosecutor's office" is the body named with that word ("the U.S. Attorney's
            # Office"), before any nearer organization that merely appears in the story.
            named = self._preceding(span_start, ("ORG",), window=1500,
                                    accept=lambda entity: noun in entity.canonical_name.lower().split())
            if named is not None:
                return named
            if any(c.dep_ in ("amod", "compound", "nmod", "poss") for c in head.children):
                return None  # "the French foreign ministry": a body of its own, not the nearest one
            if noun not in FIRM_NOUNS:
                return None  # "the commission said" after "Xinhua": an institution is named by its own word
            return self._preceding(span_start, ("ORG",), window=1500)  # "the company said"
        return None

    def _appositive_name(self, head) -> tuple[bool, Entity | None]:
        """'said another witness in the impeachment probe, former White House Russia adviser Fiona
        Hill', 'The company that runs the AMAs, Dick Clark Productions, said': a description
        followed by a comma and a name in apposition is that named person (or, for an
        organization word, that organization). (whether such a name follows, its entity or None:
        a named description is never some other entity named earlier)."""
        if head.pos_ != "NOUN":
            return False, None
        wanted = "ORG" if head.lemma_.lower() in ORG_NOUNS else "PERSON"
        doc = head.doc
        candidates = [child for child in head.rights if child.dep_ == "appos"]
        for clause in head.rights:  # the name closing the description's relative clause
            if clause.dep_ == "relcl":
                candidates += [t for t in clause.subtree if t.dep_ == "appos" and t.right_edge.i == clause.right_edge.i]
        for name in candidates:
            if name.pos_ != "PROPN" or doc[name.left_edge.i - 1].text != "," \
                    or self.in_quote_char(name.idx, name.idx + 1):
                continue
            entity = self.index.at(name.idx, name.idx + len(name.text))
            return True, entity if entity is not None and entity.type == wanted else None
        return False, None

    def _author_of(self, document) -> Entity | None:
        """Who a document speaks for: a named possessor ("The Verge's review"), a named
        organization or person in its prepositional phrase ("a report in the Argus Leader",
        "a study by Pew"), or the named subject of the verb that published it ("Amazon published
        a blog post that said"); None when the text names no author."""
        candidates = [c for c in document.children if c.dep_ == "poss"]
        candidates += [g for c in document.children if c.dep_ == "prep" and c.lower_ in AUTHOR_PREPOSITIONS
                       for g in c.children if g.dep_ == "pobj"]
        verb = document.head
        if document.dep_ == "dobj" and verb.lemma_.lower() in PUBLISHING_VERBS:
            candidates += [c for c in verb.children if c.dep_ == "nsubj"]
        if document.dep_ == "pobj" and document.head.lower_ == "in" and document.head.head.pos_ == "VERB":
            # "Big Machine said in a statement": the statement is the speaker's
            candidates += [c for c in document.head.head.children if c.dep_ == "nsubj"]
        for token in candidates:
            # named only: "the company" would be the nearest organization, often another one
            entity = self.index.at(token.idx, token.idx + len(token.text))
            if entity is not None and entity.type in ("ORG", "PERSON"):
                return entity
        return None

    def _earlier_document_author(self, document) -> Entity | None:
        """"the statement continued" after "Big Machine Records issued a statement": a definite
        document continues the same word's earlier mentions, back to the one that says whose it
        is; an indefinite one with no author ("a statement obtained by Variety") ends the chain."""
        if not _is_definite(document):
            return None
        doc = document.doc
        lemma = document.lemma_
        for i in range(document.i - 1, max(-1, document.i - DOCUMENT_LOOKBACK), -1):
            earlier = doc[i]
            if earlier.lemma_ != lemma or earlier.pos_ != "NOUN":
                continue
            author = self._author_of(earlier)
            if author is not None:
                return author
            if not _is_definite(earlier):
                return None
        return None

    def _titled_before(self, head, offset: int) -> Entity | None:
        """The closest person before offset introduced with a title of the described role: "the
        mayor" after "Mayor Bill de Blasio". The description's own qualifiers must fit that
        introduction: "the vice president" is not "President Obama", "the former president" not
        the sitting one, "the Florida senator" one whose introduction names Florida."""
        noun = head.lemma_.lower()
        titles = ROLE_TITLES.get(noun)
        if titles is None:
            return None
        words = {c.lower_.rstrip(".") for c in head.children if c.dep_ in ("compound", "amod", "nmod")}
        former = "former" in words
        ranks = words & TITLE_QUALIFIERS
        places = [c.text for c in head.children if c.dep_ in ("compound", "amod", "nmod", "poss")
                  and (c.ent_type_ in ("GPE", "NORP", "LOC") or c.pos_ == "PROPN")]

        def fits(mention):
            if mention.start >= offset:
                return False
            offices = offices_before(self.text, mention.start)
            if not offices & titles or (offices & TITLE_QUALIFIERS) != ranks:
                return False
            before = self.text[max(0, mention.start - 40):mention.start].lower()
            if ("former" in before.split()) != former:
                return False
            around = self.text[max(0, mention.start - 80):min(mention.end + 80, offset)]
            return all(place in around for place in places)

        def titled(entity):
            return any(fits(m) for m in entity.mentions)

        found = self.index.preceding(offset, ("PERSON",), window=TITLED_WINDOW, skip=self.in_quote_char,
                                     accept=titled)
        return found[0] if found else None

    def _person_before(self, head, offset: int, accept, depth: int = 0) -> Entity | None:
        """The person a subject pronoun or description refers to: the closest one before it,
        or the subject that closest one's sentence is about (_sentence_subject)."""
        doc = head.doc

        def skip(start, end):
            # "she was more nervous than Rose-Lynn Harlan has ever been": the standard a comparison
            # measures against is not whom the story goes on about
            if self.in_quote_char(start, end):
                return True
            span = doc.char_span(start, end, alignment_mode="expand")
            return span is not None and span.root.head.lower_ == "than" and span.root.dep_ in ("pobj", "nsubj")

        found = self.index.preceding(offset, ("PERSON",), skip=skip, accept=accept)
        if found is None:
            return None
        if head.dep_ in SUBJECT_DEPS:
            subject = self._sentence_subject(head, found, accept or (lambda entity: True), depth=depth)
            if subject is not None:
                return subject
        return found[0]

    def _sentence_subject(self, pronoun, found, accept, types=("PERSON",), same_sentence=False,
                          depth: int = 0) -> Entity | None:
        """A subject pronoun continues the subject of the sentence its closest antecedent is in,
        when that antecedent is not the subject itself: in "Trump said praise from Vladimir
        Putin would not sway him. He said ...", "He" is Trump, not Putin (subject continuity, as
        in centering theory). The subject must be a person outside quotations that agrees too."""
        doc = pronoun.doc
        _entity, start, end = found
        span = doc.char_span(start, end, alignment_mode="expand")
        role = span.root if span is not None else None
        while role is not None and role.dep_ in ("conj", "appos") and role.head.i != role.i:
            # "for North America and Europe": Europe shares America's role; "with Mr. Trump's
            # lawyer, Rudy Giuliani": so does a name in apposition
            role = role.head
        if role is None or role.dep_ not in OBJECT_DEPS:
            return None  # a subject already, or a role a garbled parse gives (an appositive of page junk)
        sentence = span.sent
        if sentence.start <= pronoun.i < sentence.end and not same_sentence:
            return None  # the same sentence: nearest wins for people ("Trump met Pence, and he said")
        for token in sentence:
            if token.dep_ not in SUBJECT_DEPS or token.head.dep_ != "ROOT" or token.i >= span.start:
                continue
            if self.in_quote_char(token.idx, token.idx + len(token.text)):
                continue
            entity = self.index.at(token.idx, token.idx + len(token.text))
            if entity is None and token.lower_ == pronoun.lower_ and depth < MAX_PRONOUN_CHAIN:
                # "He was photographed with Epstein. He told the BBC": the subject there is the
                # same pronoun, so both continue the person that earlier "he" refers to
                entity = self._person_before(token, token.idx, accept, depth + 1)
            if entity is not None and entity.type in types and accept(entity):
                return entity
        return None

    def _preceding(self, offset: int, types: tuple[str, ...], window: int = 3000, accept=None) -> Entity | None:
        found = self.index.preceding(offset, types, window=window, skip=self.in_quote_char, accept=accept)
        return found[0] if found else None
