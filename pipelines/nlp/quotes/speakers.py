"""The local speaker mention of a reporting cue: subject, passive agent or "according to" object."""

from pipelines.nlp.quotes.doc_index import DocIndex
from pipelines.nlp.quotes.reporting_lexicon import reporting_verbs

_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_NP_LEFT_DEPS = {"compound", "flat", "det", "amod", "poss", "nmod", "nummod", "quantmod", "case", "advmod", "npadvmod"}
_NOUNISH = {"PROPN", "NOUN", "PRON"}
_TIME_ENTS = {"DATE", "TIME"}



_CLOSING_MARKS = {"”", '"', "''"}
_END_PUNCT = {",", ".", "!", "?"}


def noun_phrase(head) -> tuple[int, int]:
    """Character span of the mention headed by `head`: its left modifiers and the head itself
    (appositions and relative clauses excluded; one overlapping character identifies a speaker)."""
    start_i = head.i
    for child in head.lefts:
        if child.dep_ in _NP_LEFT_DEPS:
            start_i = min(start_i, child.left_edge.i)
    end_i = head.i
    for child in head.rights:
        if child.dep_ in ("compound", "flat") and child.i == end_i + 1:
            end_i = child.i
    doc = head.doc
    # A mention never runs over a paragraph break ("10:40 a.m.\n\nDonald Trump"). Checked on
    # tokens: Doc.text would rebuild the whole text on every call.
    for i in range(start_i, head.i):
        if "\n" in doc[i].text_with_ws:
            start_i = i + 1
        elif doc[i].text in _CLOSING_MARKS and i > 0 and doc[i - 1].text in _END_PUNCT:
            # '..., water in vapor form," lead researcher Lucas Paganini said': a misparse hangs
            # the quotation's end on the subject; the mention starts after the closing mark
            start_i = i + 1
    while start_i < end_i and (doc[start_i].is_punct or doc[start_i].is_space):
        start_i += 1
    end_token = doc[end_i]
    return doc[start_i].idx, end_token.idx + len(end_token.text)


_CLOSERS = {"”", '"', "''", "’", ","}


def mistagged_name(tok) -> bool:
    """A surname the tagger read as another part of speech ("Skelly" as an adverb)."""
    if not (tok.is_alpha and tok.is_title and len(tok.text) > 2) or tok.pos_ not in ("ADV", "ADJ", "VERB", "NOUN", "X"):
        return False
    # capitalized because it is a name, not because it starts the sentence
    return tok.i > 0 and (not tok.is_sent_start or tok.doc[tok.i - 1].text in _CLOSERS)


def _named_person_surname(tok) -> bool:
    """'"...," says Early.': a word the tagger read as an adverb that is the surname of a person
    the story names in full ("Chris Early") is that person."""
    return mistagged_name(tok) and any(
        ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].text == tok.text for ent in tok.doc.ents)


ADDRESSEE_VERBS = {"tell", "inform", "assure", "remind", "warn", "urge"}  # their object is whom it was said to


def _person_apposition(subject, verb):
    """'With 50 days until the election, Minyon Moore, a senior adviser, called ...': the parser
    made the phrase before the name the subject and the name its apposition. A named person
    ending right before the verb is the speaker."""
    if subject.i > verb.i:
        return None
    for child in subject.rights:
        if child.dep_ != "appos" or child.pos_ != "PROPN" or child.ent_type_ != "PERSON":
            continue
        gap = range(child.right_edge.i + 1, verb.i)
        if all(verb.doc[k].is_punct for k in gap):
            return child
    return None


_NOT_NOMINAL = {"ADV", "ADP", "CCONJ", "SCONJ", "PART", "INTJ", "SYM", "AUX", "VERB"}
_NOUN_PHRASE_DEPS = {"det", "amod", "compound", "poss", "nummod"}


def speaker_token(cue, index: DocIndex, quote_ids: set[int] | None = None):
    """The head token of the speaker of a reporting cue, or None."""

    cue_para = index.para_of(cue.idx)

    def usable(tok) -> bool:
        if tok is None or tok.is_punct or tok.is_space:
            return False
        if tok.pos_ in _NOT_NOMINAL and not any(c.dep_ in _NOUN_PHRASE_DEPS for c in tok.children) \
                and not ((tok.dep_ == "nsubj" or tok.i == cue.i + 1) and _named_person_surname(tok)):
            # "2. Never urged Ukraine to ...": a heading's adverb parsed as the subject (a word with
            # a determiner is a noun whatever its tag: "the influential US daily")
            return False
        if tok.lower_ in ("who", "whom", "whoever") and not tok.text.isupper() and tok.head.dep_ != "relcl":
            return False  # "learned who had written it": a question about someone, not a speaker
        if index.para_of(tok.idx) != cue_para:
            return False  # a misparse across a paragraph break ("12:15 p.m.\n\nDonald Trump says")
        # A subject inside the quotation it introduces is a misparse; so is one inside a
        # statement in quotation marks when the cue stands outside them ('"... #Cologne,"
        # tweeted a German user'); a name in quotation marks ('the "Gang of Eight" said') is not.
        qi = index.in_quote[tok.i]
        if quote_ids is not None and qi in quote_ids:
            return False
        if qi >= 0 and index.in_quote[cue.i] < 0:
            quoted = index.quoted[qi]
            return len(index.text[quoted.start:quoted.end].split()) <= 3
        return True

    if cue.lower_ == "according":
        for child in cue.children:
            if child.lower_ == "to":
                for obj in child.children:
                    if obj.dep_ == "pobj" and usable(obj):
                        return obj
        return None
    doc = cue.doc
    # 'footage of Hillary Clinton asking, "..."': a participle right after a person's name is theirs,
    # whatever clause the parser hung it on.
    if cue.tag_ == "VBG" and cue.i > 0 and not any(c.dep_ in _SUBJECT_DEPS for c in cue.children):
        prev = doc[cue.i - 1]
        if prev.pos_ == "PROPN" and prev.ent_type_ == "PERSON" and usable(prev):
            return prev
    verb = cue
    for _hop in range(3):
        subject = None
        agent = None
        for child in verb.children:
            # of two subjects ('THE BORROWING Back when ..., Mr. McKinley said'), the nearer one
            if child.dep_ in _SUBJECT_DEPS and usable(child) and (
                    subject is None or abs(child.i - verb.i) < abs(subject.i - verb.i)):
                subject = child
            elif child.dep_ == "agent":
                agent = next((c for c in child.children if c.dep_ == "pobj"), None)
        if agent is not None and usable(agent):
            return agent
        if subject is not None and usable(subject) and subject.dep_ != "csubj":
            if subject.dep_ == "nsubjpass" and verb is cue:
                return None  # "it was said that ...": no speaker
            return _person_apposition(subject, verb) or subject
        # "went on to say", "continued, saying", "and added": the subject of the governing verb.
        if verb.dep_ in ("xcomp", "conj", "advcl", "acl") and verb.head.i != verb.i:
            if verb.dep_ == "acl" and verb.head.pos_ in _NOUNISH:
                noun = verb.head
                governor = noun.head
                if verb.tag_ == "VBG" and noun.dep_ in ("dobj", "dative") and governor.pos_ == "VERB":
                    # "The Vermont senator emailed supporters saying ...", "X issued a statement
                    # saying ...": what the sent thing says is its sender's
                    sender = next((c for c in governor.children if c.dep_ == "nsubj" and usable(c)), None)
                    if sender is not None:
                        return _person_apposition(sender, governor) or sender
                return noun if usable(noun) else None  # "a statement saying ..."
            head = verb.head
            # "May said that the country would leave ... and suggested that ...": a report
            # conjoined inside another report's content continues the outer speaker.
            if verb.dep_ == "conj" and head.dep_ == "ccomp" and head.head.lemma_.lower() in reporting_verbs():
                head = head.head
            # 'Sanders said, going on to say ...': a participle right after ', ' continues the
            # report before the comma, even when the parser attached it to a later clause.
            if verb.tag_ == "VBG" and verb.dep_ == "advcl":
                k = verb.left_edge.i - 1
                if k >= 1 and doc[k].text == "," and doc[k - 1].lemma_.lower() in reporting_verbs() \
                        and doc[k - 1].pos_ == "VERB" and doc[k - 1] is not head:
                    head = doc[k - 1]
            verb = head
            continue
        break
    # '"...," said Caddell': the model sometimes makes the inverted subject an object.
    # Not for verbs whose object is the person talked about or to ("accused the GOP of ...").
    classes = reporting_verbs().get(cue.lemma_.lower(), ())
    inverts = "object" not in classes and cue.lemma_.lower() not in ADDRESSEE_VERBS
    for child in cue.rights:
        if not inverts:
            break
        if child.dep_ in ("dobj", "attr", "npadvmod", "oprd", "dative", "nsubj") and child.pos_ in ("PROPN", "NOUN") \
                and usable(child) and child.i <= cue.i + 2 and child.ent_type_ not in _TIME_ENTS:
            return child
    # '"...," said retired neurosurgeon Ben Carson, asked about ...': the parser gave the name to
    # the participle after it; the name run right after an inverted cue is its speaker.
    if inverts and cue.i > 0 and doc[cue.i - 1].is_punct:
        run_end = cue.i + 1
        while run_end < min(len(doc), cue.i + 7) and doc[run_end].pos_ in ("PROPN", "NOUN", "ADJ", "DET", "VERB") \
                and doc[run_end].dep_ in ("compound", "amod", "det", "nsubj", "nmod", "poss") \
                and index.in_quote[run_end] < 0:
            run_end += 1
        last = doc[run_end - 1] if run_end > cue.i + 1 else None
        if last is not None and last.pos_ == "PROPN" and last.dep_ == "nsubj" and last.head.i > last.i \
                and run_end < len(doc) and doc[run_end].text == "," and usable(last):
            return last
    # '"...," said Skelly' / '"...," Skelly said': a surname the tagger read as an adverb ("-ly")
    # or an adjective; a capitalized word next to the cue in mid-sentence is a name.
    for k in ((cue.i + 1, cue.i - 1) if inverts else (cue.i - 1,)):
        if 0 <= k < len(doc) and mistagged_name(doc[k]) and usable(doc[k]):
            return doc[k]
    # 'Said Ellis: "..."': the verb parsed as a modifier of the name that follows it.
    if cue.i < cue.head.i <= cue.i + 3 and cue.head.pos_ == "PROPN" and usable(cue.head):
        return cue.head
    # '"...," Chief Chuck Jordan said Monday' parsed without a subject: the name just before.
    k = cue.i - 1
    if k >= 0 and doc[k].pos_ in ("PROPN", "PRON", "NOUN") and usable(doc[k]) and doc[k].ent_type_ not in _TIME_ENTS:
        return doc[k]
    return None
