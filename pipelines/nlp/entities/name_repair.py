"""Repairs of the NER's name spans before they become entities: words the tagger read into a
name ("Hosting Cook", "rang Taylor", "Recent Samsung", "American Music Awards after Swift ..."),
and persons inside names it typed as organizations ("Ukraine Kurt Volker", "Eva-Marie Persson")."""

import re

from pipelines.nlp.entities.gender import given_name_gender

# Given names and surnames that end like a gerund; any other capitalized "-ing" word opening a
# person's name is a verb the tagger read as part of it ("Hosting Cook", "Meeting Obama").
_ING_NAMES = {"irving", "sterling", "manning", "fleming", "harding", "browning", "downing", "golding",
              "hastings", "whiting", "cushing", "channing", "darling", "keating", "redding", "kipling",
              "bowring", "spalding", "gehring", "deming", "pershing", "ewing", "king", "ming", "ling",
              "xing", "ping", "ding", "jing", "bing", "ying", "qing", "ting", "sing", "yong"}


# Lowercase words that do open names ("de Blasio", "van Gogh", "bin Salman")
_NAME_PARTICLES = {"de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "bin", "ibn", "al", "el",
                   "la", "le", "ten", "ter", "dos", "das", "zu", "af", "av", "mac", "o"}


def _leads_with_a_gerund(ent) -> bool:
    first = ent[0].lower_
    return (len(ent) > 1 and first.endswith("ing") and len(first) >= 5 and first not in _ING_NAMES
            and first.isalpha())


# Lowercase words that join the parts of a name ("Bank of America", "Committee for a Responsible
# Federal Budget", "Stratford-upon-Avon"); any other lowercase word ends it.
_NAME_JOINERS = _NAME_PARTICLES | {"of", "the", "a", "an", "and", "for", "at", "on", "upon", "in", "to", "y", "e",
                                   "und", "&"}


def _name_end(ent) -> int:
    """Where the name ends: before the first lowercase word that joins nothing ("American Music
    Awards after Swift publicly scolded ...": the tagger ran the name into the clause)."""
    for k in range(1, len(ent)):
        word = ent[k].text
        hyphenated = ent[k - 1].text == "-" and not ent[k - 1].whitespace_  # "Ban Ki-moon"
        if word.isalpha() and word.islower() and word not in _NAME_JOINERS and not hyphenated:
            previous = ent[k - 1]
            return previous.idx + len(previous.text)
    return ent.end_char


def _leads_with_a_lowercase_word(ent) -> bool:
    """"rang Taylor": a verb the tagger read into the name (names open with a capital or a
    particle)."""
    first = ent[0].text
    return len(ent) > 1 and first.isalpha() and first.islower() and first not in _NAME_PARTICLES


def _leads_with_a_sentence_opener(ent, names: set[str]) -> bool:
    """"Recent Samsung TVs ...": an adjective or adverb capitalized only because it opens the
    sentence, before a name the text also uses alone."""
    first = ent[0]
    return (len(ent) > 1 and first.is_sent_start and first.tag_ in ("JJ", "JJR", "JJS", "RB")
            and ent[1:].text in names)


# Last words of organizations and places that can follow a given name ("Morgan Stanley" aside,
# "Charles Schwab Corp", "Prince William County", "George Washington University").
_NOT_A_SURNAME = {"inc", "corp", "co", "llc", "ltd", "group", "university", "college", "school", "foundation",
                  "institute", "center", "centre", "hospital", "company", "bank", "fund", "trust", "party",
                  "news", "times", "post", "county", "street", "avenue", "bridge", "park", "airport", "station",
                  "hall", "museum", "library", "church", "award", "awards", "prize", "show", "stadium", "arena",
                  "chronicle", "tribune", "herald", "journal", "gazette", "observer", "telegraph", "express",
                  "review", "magazine", "daily", "weekly"}
# Words opening place names before a given name ("San Francisco", "St. Paul", "Port Elizabeth")
_PLACE_PREFIXES = {"san", "santa", "st", "st.", "saint", "los", "las", "new", "fort", "port", "lake", "mount",
                   "cape", "el", "la", "sao", "são"}


def _is_given_name(word: str) -> bool:
    return any(given_name_gender(part) for part in word.split("-")) and word[:1].isupper()


def _person_part(ent, etype: str) -> tuple[int, str]:
    """(start offset, type) of the person a mislabelled name holds: "Ukraine Kurt Volker" (an
    ORG glued to the place before it) is the person Kurt Volker; "Eva-Marie Persson" typed ORG is
    a person. Only names of two or three capitalized words opening with a known given name."""
    words = [(m.start(), m.group()) for m in re.finditer(r"\S+", ent.text)]
    for k, (_offset, word) in enumerate(words[:-1]):
        if not _is_given_name(word):
            continue
        rest = [w for _o, w in words[k:]]
        previous = words[k - 1][1].lower() if k else ""
        if not _is_given_name(previous) and previous not in _PLACE_PREFIXES and len(rest) <= 3 \
                and all(w[:1].isupper() and w.replace("-", "").replace(".", "").isalpha() for w in rest) \
                and rest[-1].lower() not in _NOT_A_SURNAME:
            return ent.start_char + words[k][0], "PERSON"
        break
    return ent.start_char, etype


_PERSONAL_RELATIVES = {"who", "whom", "whose"}


def _given_name_with_who(ent) -> bool:
    """'Tommy — who only goes by his first name online — retired': a lone given name typed as a
    place or body, which a "who" clause describes, is a person."""
    return len(ent) == 1 and _is_given_name(ent.text) and any(
        child.dep_ == "relcl" and any(c.lower_ in _PERSONAL_RELATIVES and c.i < child.i for c in child.children)
        for child in ent.root.children)


def _modifies_a_common_noun(ent) -> bool:
    """"Border agents say ...": a capitalized common noun modifying a lowercase one is no name."""
    token = ent.root
    head = token.head
    return (len(ent) == 1 and token.pos_ == "NOUN" and token.dep_ == "compound" and head.i != token.i
            and head.pos_ == "NOUN" and head.text.islower())


def _after_the(ent) -> bool:
    """"according to the Intelligencer": one word after "the" names a body or a title, not a person."""
    token = ent.root
    return len(ent) == 1 and token.tag_ == "NNP" and any(
        c.dep_ == "det" and c.lower_ == "the" for c in token.children)


_DESCRIPTION_DEPS = {"conj", "appos", "compound", "pobj", "prep"}


def _employer_in_a_title(ent) -> bool:
    """"says Chris Early, senior vp of partnerships at Ubisoft": a one-word name that a named
    person's description places them "at" is where they work, an organization, whatever the
    NER's label (it took Ubisoft for a person, and "he" then resolved to it)."""
    token = ent.root
    if len(ent) != 1 or token.dep_ != "pobj" or token.head.lower_ != "at" or _is_given_name(token.text):
        return False
    head = token.head.head
    for _step in range(6):  # up the description: "partnerships" <- "of" <- "vp" <- "Early"
        if head.ent_type_ == "PERSON" and head.pos_ == "PROPN":
            return True
        if head.pos_ not in ("NOUN", "ADP") or head.dep_ not in _DESCRIPTION_DEPS or head.head.i == head.i:
            return False
        head = head.head
    return False


def repaired_span(ent, etype: str, names: set[str]) -> tuple[int, int, str | None]:
    """(start, end, type) of the name an NER span holds, type None when it holds no name; names:
    every span's text in the document (a name the text also uses alone)."""
    start = ent.start_char
    if etype == "PERSON" and _modifies_a_common_noun(ent):
        return start, ent.end_char, None
    if (etype == "PERSON" and _after_the(ent)) or (etype in ("PERSON", "GPE") and _employer_in_a_title(ent)):
        return start, ent.end_char, "ORG"
    if (etype == "PERSON" and (_leads_with_a_gerund(ent) or _leads_with_a_lowercase_word(ent))) \
            or _leads_with_a_sentence_opener(ent, names):
        start = ent[1].idx  # "Hosting Cook at Dreamforce": the person is Cook
    elif etype in ("ORG", "GPE") and _given_name_with_who(ent):
        etype = "PERSON"
    elif etype == "ORG":
        start, etype = _person_part(ent, etype)
    return start, _name_end(ent), etype
