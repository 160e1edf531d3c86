"""Reported (indirect and mixed) speech from the dependency parse: a reporting verb from the
lexicon plus the syntactic slot that holds what was said.

  X said (that) CLAUSE / CLAUSE, X said / CLAUSE, X said, CLAUSE   -> ccomp or parataxis
  X professed to welcome ...                                        -> xcomp
  X called Y a liar / X praised Y for ... / X called for ...        -> the verb's right complements
  according to X, CLAUSE                                           -> the clause governing "according"
  X added:\n\nPARAGRAPH (a block quotation without its marks)        -> the next paragraph
"""

from dataclasses import dataclass

from pipelines.nlp.doc_cache import doc_text, token_columns
from pipelines.nlp.quotes.doc_index import DocIndex
from pipelines.nlp.quotes.reporting_lexicon import reporting_verbs
from pipelines.nlp.quotes.speakers import ADDRESSEE_VERBS, speaker_token
from pipelines.nlp.textprep import dateline_end

_EDGE_JUNK = set(" \t\n,;:—–-")
_OBJECT_DEPS = {"dobj", "ccomp", "oprd", "xcomp", "dative", "attr"}
_CLAUSE_DEPS = {"ccomp"}
_PARENTHETICAL_DEPS = {"nsubj", "punct", "advmod", "npadvmod", "aux", "prep", "neg"}
_WH = {"whatever", "what", "when", "whenever", "if", "as", "how", "why", "while", "because"}
# Outside quotation marks, "I", "we" and "you" are the writer and the reader ("I suggested she
# try ...", "we estimate ...", "you can call it ..."): the author is never a quoted speaker.
_WRITER_OR_READER = {"i", "me", "we", "us", "you"}
# Measurements report nothing ("Blood tests revealed ...", "a scan revealed"), nor does research
# in general ("Studies indicate ..."); documents, people and named sources do ("the report
# says", "according to court records", "according to federal data", "tests by Digital Foundry").
_EVIDENCE_NOUNS = {"test", "testing", "calculation", "measurement", "reading", "sample", "scan", "fact"}
_GENERIC_SOURCES = {"study", "research", "evidence"}
# "evidence presented at trial", "research cited in the filing": where it was shown, not who says it
_EVIDENCE_PARTICIPLES = {"present", "introduce", "cite", "show", "gather", "collect", "submit", "offer", "find"}
_SINGULAR = {"studies": "study", "tests": "test", "scans": "scan", "samples": "sample", "facts": "fact"}


@dataclass
class Report:
    cue_i: int  # token index of the cue
    cue_start: int
    cue_end: int
    spans: list[tuple[int, int]]  # content, character offsets
    speaker_i: int | None


def find_reports(doc, index: DocIndex) -> list[Report]:
    lexicon = reporting_verbs()
    reports = []
    columns = token_columns(doc)  # read per token; a Token is built only for a candidate cue
    for i in range(len(doc)):
        if index.in_quote[i] >= 0:
            continue  # a report inside a quotation belongs to the quoted speaker's words
        lemma, pos = columns.lemma[i].lower(), columns.pos[i]
        if columns.lower[i] == "according":
            report = _according_to(doc[i], index)
        elif lemma == "make" and pos == "VERB":
            report = _made_clear(doc[i], index)
        elif pos in ("VERB", "AUX") and lemma in lexicon:
            if columns.dep[i] == "amod" or (columns.dep[i] == "acl" and columns.tag[i] == "VBN") or (
                    i > 0 and columns.tag[i - 1] == "POS"):
                continue  # "a group called X", "the so-called ...", "Stadia's recommended device": not a report
            report = _verb_report(doc[i], lexicon[lemma], index) or _block_after_colon(doc[i], lexicon[lemma], index)
        else:
            continue
        if report is not None:
            reports.append(report)
    return reports


def _verb_report(verb, classes: tuple[str, ...], index: DocIndex) -> Report | None:
    if _is_imperative(verb):
        return None  # "Say goodbye to that feeling ...", "Tell us what you think": the writer addressing the reader
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) and not any(
        c.dep_ == "agent" for c in verb.children
    ):
        return None  # "he was told that ...", "it was said that ...": the speaker is not named
    spans = None
    for cls in classes:
        if cls == "clause":
            spans = _clause_content(verb, lexicon_has=_reports_speech_lemma)
        elif cls == "to":
            spans = _subtree_of_child(verb, ("xcomp",), need_to=True)
        elif cls == "object":
            what = next((c for c in verb.lefts if c.lower_ == "what" and c.dep_ in ("dobj", "nsubj", "attr", "oprd")), None)
            if what is not None and verb.right_edge.i > verb.i:
                # "what he called a 'brazen breach' of U.N. resolutions": the whole free relative
                speaker = speaker_token(verb, index)
                if speaker is None:
                    return None
                return _make(verb, verb.idx, verb.idx + len(verb.text), [(what.i, verb.right_edge.i)], speaker,
                             index, keep_speaker=True)
            spans = _object_content(verb)
            if spans and verb.lemma_.lower() == "call" and not _names_or_asks_for(verb):
                spans = None  # "called a meeting" reports nothing
        if spans:
            break
    if not spans or _leaves_open(verb, spans):
        return None
    speaker = speaker_token(verb, index)
    if speaker is None or not _reports_speech(verb, speaker):
        return None
    return _make(verb, verb.idx, verb.idx + len(verb.text), spans, speaker, index)


_OPEN_QUESTION_WORDS = {"how", "whether", "if", "what", "when", "why", "which", "who", "where"}


def _leaves_open(verb, spans) -> bool:
    """"The companies have not disclosed how many rockets would be needed", "did not say whether":
    a negated report of an open question states nothing."""
    doc = verb.doc
    return any(c.dep_ == "neg" for c in verb.children) and doc[spans[0][0]].lower_ in _OPEN_QUESTION_WORDS


# Between the cue and its closing colon only where, when and how it was said ("wrote in a
# statement:", "added on Twitter:", "argued that:"), never what ("noted the sparse attendance:").
_COLON_LEAD_DEPS = {"prep", "pobj", "det", "amod", "compound", "poss", "advmod", "npadvmod", "mark", "punct", "prt"}
_NOT_A_STATEMENT = ("<", "—", "–", "-", "_", "http", "(", "[", "•", "*")
_MIN_BLOCK_WORDS = 5


def _block_after_colon(verb, classes: tuple[str, ...], index: DocIndex) -> Report | None:
    """'The governor added:' closing a paragraph, then a paragraph without quotation marks: the
    page's block quotation (its markup gone in the text) is what the speaker said."""
    if not any(cls in ("clause", "quote") for cls in classes):
        return None  # "sang:" introduces lyrics, never a statement
    doc, text = verb.doc, index.text
    p = index.para_of(verb.idx)
    para_lo, para_hi = index.paras[p]
    colon = next((t for t in doc[verb.i + 1:min(len(doc), verb.i + 12)] if t.text == ":"), None)
    if colon is None or text[colon.idx + 1:para_hi].strip() or p + 1 >= len(index.paras):
        return None
    if any(t.dep_ not in _COLON_LEAD_DEPS for t in doc[verb.i + 1:colon.i]):
        return None
    lo, hi = index.paras[p + 1]
    block = text[lo:hi].strip()
    if block.startswith(_NOT_A_STATEMENT) or block[:1] in "\"“”‘’'«»„" or len(block.split()) < _MIN_BLOCK_WORDS:
        return None  # a quotation in marks (handled as direct), an embed, a list or a caption
    speaker = speaker_token(verb, index)
    if speaker is None or not _reports_speech(verb, speaker):
        return None
    start = lo + (len(text[lo:hi]) - len(text[lo:hi].lstrip()))
    return Report(verb.i, verb.idx, verb.idx + len(verb.text), [(start, start + len(block))], speaker.i)


def _is_imperative(verb) -> bool:
    return (verb.tag_ == "VB" and verb.dep_ == "ROOT"
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "expl") for c in verb.children))


def _reports_speech_lemma(lemma: str) -> bool:
    """A verb that can report speech without quotation marks (not "read", "chant", "order",
    which only introduce quoted words): another report, where reported content stops."""
    return any(cls in ("clause", "object", "to") for cls in reporting_verbs().get(lemma, ()))


_ASPECTUAL = {"continue", "keep", "go"}  # report speech only on their own ('"...," he continued')


def _reports_speech(verb, speaker) -> bool:
    """Whether a reporting verb with this subject reports what a source said: not the writer's
    voice, not "That said, ...", "It's hard to describe ...", "Which is not to say ...", and not
    a measurement's result."""
    word = speaker.lower_
    if _is_writer_or_reader(speaker) or _is_evidence(speaker):
        return False
    first = speaker.doc[speaker.left_edge.i]
    if first.lower_ in ("what", "whatever") or (first.lower_ == "which" and first.i != speaker.i):
        return False  # "So what better fix than to ... call it a revolution?": a question, no speaker
        # (a relative "which" is a speaker: "the lawsuit, which accuses him of ...")
    if any(c.dep_ == "aux" and c.lower_ in ("may", "might") for c in verb.children):
        return False  # "others may argue that ...": what someone might say, not what was said
    if _is_that_said(verb, verb.head) or (word in ("that", "this") and speaker.i < verb.i and verb.dep_ != "relcl"):
        return False  # "That said, Google promised more": a discourse marker
    if speaker.dep_ == "expl":
        return False
    if verb.lemma_.lower() in _ASPECTUAL and any(c.dep_ == "xcomp" for c in verb.children):
        return False  # "they continue to escalate the crisis": carrying on doing, not speaking on
    # An infinitive under an adjective, after "it is" or negated ("hard to describe", "It's fair
    # to say", "is not to say") names a way of putting things, not a statement someone made ("his response was to
    # say ..." is one).
    to = next((c for c in verb.children if c.dep_ == "aux" and c.tag_ == "TO"), None)
    if to is None:
        return True
    negated = to.i > 0 and verb.doc[to.i - 1].lower_ == "not"
    extraposed = word == "it" and verb.head.lemma_ == "be"  # "It's hard to say", not "He was quick to say"
    return not (negated or extraposed or verb.head.pos_ == "ADJ")


def _is_that_said(clause, governor) -> bool:
    """"That said, ..." before the clause it qualifies: a discourse marker, not a report."""
    subjects = [c for c in clause.children if c.dep_ == "nsubj"]
    return (clause.i < governor.i and len(subjects) == 1 and subjects[0].lower_ in ("that", "this")
            and all(c.dep_ in ("nsubj", "punct") for c in clause.children))


def _is_writer_or_reader(token) -> bool:
    return token.pos_ == "PRON" and token.lower_ in _WRITER_OR_READER and token.text != "US"


def _is_evidence(token) -> bool:
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    # a capitalized "Studies" opening a paragraph is often tagged a name, with itself as lemma
    lemma = token.lemma_.lower() if token.pos_ == "NOUN" else _SINGULAR.get(token.lower_, token.lower_)
    # "tests by Digital Foundry", "a study from Pew": a named source stands behind them
    sourced = any((c.dep_ == "acl" and c.lemma_.lower() not in _EVIDENCE_PARTICIPLES)
                  or (c.dep_ == "prep" and c.lower_ in ("by", "from")) for c in token.children)
    if lemma in _EVIDENCE_NOUNS:
        return not sourced
    text = doc_text(token.doc)
    # modifiers across a line break are a misparse of the heading above ("the gym\n\nStudies")
    bare = not any(c.dep_ in ("det", "poss", "compound", "amod", "nummod") and "\n" not in text[c.idx:token.idx]
                   for c in token.children)
    return lemma in _GENERIC_SOURCES and bare and not sourced


def _made_clear(verb, index: DocIndex) -> Report | None:
    """'X has made (it) clear that ...'."""
    clear = next((c for c in verb.children if c.lower_ == "clear"), None)
    if clear is None:
        return None
    clause = next((c for c in clear.children if c.dep_ in ("ccomp", "csubj", "advcl")
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if clause is None:
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c is not clear), None)
    if clause is None:
        return None
    speaker = speaker_token(verb, index)
    if speaker is None:
        return None
    return _make(verb, verb.idx, clear.idx + len(clear.text), [(clause.left_edge.i, clause.right_edge.i)],
                 speaker, index)


def _according_to(token, index: DocIndex) -> Report | None:
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None:
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if nxt is None or nxt.lower_ != "to":
            return None
        to = nxt
    speaker = speaker_token(token, index)
    if speaker is None or _is_evidence(speaker) or _is_writer_or_reader(speaker):
        return None
    head = token.head
    if head is token:
        return None
    for governor in (head, *head.ancestors):
        # '"...," he said, according to the Intelligencer', 'the agency said it had tested them,
        # according to X': X relays a report whose speaker is named; that speaker speaks
        if governor.lemma_.lower() in reporting_verbs() and governor.pos_ == "VERB" and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in governor.children):
            return None
    phrase_lo, phrase_hi = token.left_edge.i, max(token.right_edge.i, to.right_edge.i)
    aside = _dash_aside(token)
    if aside is not None:
        # "-- and the fact that Trump made 13,000 false claims, according to X --": what X says
        # is the aside the dashes enclose, not the writer's sentence around it
        lo, hi = aside
        spans = [(lo, phrase_lo - 1)] if phrase_lo - 1 >= lo else None
    else:
        spans = [(lo, hi) for lo, hi in _subtree_minus(head, phrase_lo, phrase_hi)
                 if not (lo > phrase_hi and _opens_participle_aside(token.doc, lo, hi))]
    if not spans:
        return None
    return _make(token, token.idx, to.idx + len(to.text), spans, speaker, index)


def _opens_participle_aside(doc, lo: int, hi: int) -> bool:
    """'X is investigating WeWork, according to two people, adding to a series of problems': a
    participle clause after the attribution is the writer's comment, not what the source says."""
    first = next((doc[i] for i in range(lo, hi + 1) if not doc[i].is_punct), None)
    return first is not None and first.tag_ == "VBG" and first.dep_ in ("advcl", "xcomp", "conj")


_DASHES = {"--", "—", "–", "---"}


def _dash_aside(token) -> tuple[int, int] | None:
    """Token range inside the pair of dashes enclosing `token` in its sentence, or None."""
    sent = token.sent
    opening = next((t.i for t in reversed(sent[:token.i - sent.start]) if t.text in _DASHES), None)
    closing = next((t.i for t in sent[token.i - sent.start + 1:] if t.text in _DASHES), None)
    if opening is None or closing is None:
        return None
    first = opening + 1
    while first < token.i and token.doc[first].pos_ == "CCONJ":
        first += 1  # "-- and the fact that ...": the conjunction joins the aside to the sentence
    return _content_clause_start(token.doc, first, token.i), closing - 1


def _content_clause_start(doc, first: int, limit: int) -> int:
    """'the fact that CLAUSE, according to X': X states the clause; "the fact that" is the
    writer's framing. Only an appositive clause (marked by "that") of the opening noun, not a
    relative one ('the claims that he made')."""
    if first + 2 >= limit or doc[first].pos_ != "DET" or doc[first + 1].pos_ != "NOUN":
        return first
    noun, mark = doc[first + 1], doc[first + 2]
    if mark.lower_ != "that" or mark.dep_ != "mark":
        return first
    clause = mark.head
    return first + 3 if clause.head.i == noun.i and clause.dep_ in ("acl", "ccomp", "appos") else first


def _names_or_asks_for(verb) -> bool:
    """'called Y Z', 'called for Y', 'called on Y to ...', 'called Y "..."'."""
    doc = verb.doc
    for child in verb.rights:
        if child.dep_ in ("oprd", "xcomp", "ccomp", "attr"):
            return True
        if child.dep_ == "prep" and child.lower_ in ("for", "on", "as") and (
                child.lower_ == "as" or child.i == verb.i + 1):
            return True  # but 'called Alicia Machado on Friday' is a telephone call
        if child.dep_ == "dobj":
            # 'called Oz a quack': a second noun phrase right after the object (any attachment)
            nxt = child.right_edge.i + 1
            if nxt < len(doc) and doc[nxt].pos_ in ("DET", "ADJ", "NOUN", "PROPN") and nxt <= verb.right_edge.i:
                return True
    return False


def _clause_content(verb, lexicon_has):
    for child in verb.children:
        if child.dep_ in _CLAUSE_DEPS and not _is_that_said(child, verb):
            lo, hi = child.left_edge.i, child.right_edge.i
            # Keep the cue and its subject out when the parse interleaves them.
            if lo <= verb.i <= hi:
                return _subtree_minus(child, verb.i, verb.i)
            if hi < verb.i and (verb.doc[hi].text in (":", ";") or verb.doc[hi + 1].text in (":", ";")):
                return None  # "We have been here before: bin Laden declared war": a lead-in, not his words
            if lo > verb.i:
                lo = _misparsed_subject_start(verb, child, lo)
                lo = _after_leading_date(verb.doc, lo, hi)
                hi = _extend_right(verb, hi, lexicon_has)
                hi = _to_sentence_end(verb, hi, lexicon_has)
            return [(lo, hi)]
    # "The economy, he said, is strong": the cue is a parenthetical of the reported clause.
    if verb.dep_ in ("parataxis", "advcl") and verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i:
        head = verb.head
        # Only a bare parenthetical ("he said", "Mr. Bush said Tuesday", "says Richard Locksley"),
        # not "whatever X says", nor a participle ("..., adding to a mounting series of problems").
        finite = verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "nsubj" for c in verb.children)
        if finite and all(c.dep_ in _PARENTHETICAL_DEPS and c.lower_ not in _WH for c in verb.children):
            return _subtree_minus(head, verb.left_edge.i, verb.right_edge.i)
    return None


MAX_CONTENT_TOKENS = 400
_CONTRAST = {"but", "although", "though", "while", "whereas", "yet"}


def _to_sentence_end(verb, hi: int, lexicon_has) -> int:
    """'X said CONTENT.': what was said runs to the end of the sentence, unless another
    report ('..., adding that', 'and warned') or a semicolon intervenes first."""
    doc = verb.doc
    i = hi + 1
    stop = min(len(doc), hi + MAX_CONTENT_TOKENS)
    if verb.dep_ == "advcl" and verb.head.i > verb.i:
        # "Although X suggested he was murdered, Hawk Sawyer told ...": a report in a clause
        # before the main one ends with its clause
        stop = min(stop, verb.right_edge.i + 1)
    while i < stop:
        tok = doc[i]
        if tok.is_sent_start or "\n" in tok.text:
            break
        if tok.text in (";",) or tok.lower_ == "according":
            break
        if tok.text == "," and i + 1 < len(doc) and doc[i + 1].lower_ in _CONTRAST:
            break  # ", but he refuses to ...": the writer takes over
        if tok.pos_ == "VERB" and lexicon_has(tok.lemma_.lower()):
            break
        i += 1
    end = i - 1
    while end > hi and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    return max(hi, end)


_ADDRESSEE_CUES = ADDRESSEE_VERBS | {"brief", "advise", "notify", "ask"}


def _misparsed_subject_start(verb, clause, lo: int) -> int:
    """'Simpson suggested the most likely reason residents stay is fear': the parser made the
    reported clause's subject the cue's object and left the clause without one; the object right
    before a subjectless clause is where what was said begins."""
    if verb.lemma_.lower() in _ADDRESSEE_CUES or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in clause.children):
        return lo  # "told friends and family ...": the object of these is whom it was said to
    obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.i), None)
    if obj is None or obj.right_edge.i != lo - 1 or obj.pos_ != "NOUN":
        return lo
    return obj.left_edge.i


def _after_leading_date(doc, lo: int, hi: int) -> int:
    """'officials said Monday the victim was ...': the parser may hang the cue's date on the
    reported clause; when is not what was said."""
    k = lo
    while k < hi and doc[k].ent_type_ in ("DATE", "TIME") and (k == lo or doc[k].ent_iob_ == "I"):
        k += 1
    if k == lo or k >= hi or not any(doc[j].dep_ == "npadvmod" for j in range(lo, k)):
        return lo
    return k if doc[k].dep_ in ("nsubj", "nsubjpass", "det", "mark") or doc[k].pos_ in ("PROPN", "NOUN", "PRON") else lo


def _extend_right(verb, hi: int, lexicon_has) -> int:
    """The parser often hangs a clause's trailing modifiers ("..., because ...") on the cue:
    they still belong to what was said, up to a further report ("..., adding that ...")."""
    for c in verb.rights:
        if c.i <= hi:
            continue
        if c.dep_ == "punct":
            continue
        if c.dep_ in ("advcl", "conj", "prep", "npadvmod", "parataxis", "dobj", "cc", "advmod") \
                and not lexicon_has(c.lemma_.lower()) and c.lower_ != "according":
            hi = c.right_edge.i
            continue
        break
    return hi


def _subtree_of_child(verb, deps, need_to=False):
    for child in verb.children:
        if child.dep_ in deps and child.i > verb.i:
            if need_to and not any(c.lower_ == "to" for c in child.children):
                continue
            return [(child.left_edge.i, child.right_edge.i)]
    return None


_OBJECT_PREPS = {"as", "for", "of", "on", "to", "about", "over", "against"}


def _object_content(verb):
    """What the verb governs to its right: its object and predicative complements and the
    prepositions that carry the report ('as a fraud', 'of recklessness', 'for X'), but not
    adjuncts of time or place ('on Friday', 'in early-morning tweets')."""
    parts = []
    for c in verb.rights:
        if c.dep_ in _OBJECT_DEPS or (c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS):
            parts.append(c)
        elif c.dep_ == "prt" and c.i == verb.i + 1:
            continue
        elif c.dep_ in ("conj", "cc", "advcl", "parataxis"):
            break
    if not any(c.dep_ in ("dobj", "ccomp", "prep", "oprd", "xcomp") for c in parts):
        return None
    doc = verb.doc
    start = parts[0].left_edge.i
    # "called for X", "spoke of X": a preposition right after the verb belongs to the cue.
    if parts[0].dep_ == "prep" and parts[0].i == verb.i + 1 or (
            parts[0].dep_ == "prep" and doc[verb.i + 1].dep_ == "prt" and parts[0].i == verb.i + 2):
        start = parts[0].i + 1
    end = parts[0].right_edge.i
    for c in parts[1:]:
        # contiguous complements only: an adjunct between them ends the content
        if c.left_edge.i > end + 2:
            break
        end = max(end, c.right_edge.i)
    if end < start:
        return None
    return [(start, end)]


def _subtree_minus(head, lo_cut: int, hi_cut: int):
    """Token ranges of head's subtree without tokens lo_cut..hi_cut (inclusive)."""
    lo, hi = head.left_edge.i, head.right_edge.i
    spans = []
    if lo < lo_cut:
        spans.append((lo, min(hi, lo_cut - 1)))
    if hi > hi_cut:
        spans.append((max(lo, hi_cut + 1), hi))
    return spans


def _make(cue, cue_start, cue_end, token_spans, speaker, index: DocIndex, keep_speaker=False) -> Report | None:
    doc = cue.doc
    text = index.text
    para_lo, para_hi = index.para_bounds(cue.idx)
    spans = []
    speaker_lo, speaker_hi = (len(doc), len(doc)) if keep_speaker else (speaker.left_edge.i, speaker.right_edge.i)
    # No plausible statement is longer than this; the cap also keeps giant unparsed
    # "sentences" (1 MB paragraphs) linear.
    token_spans = [(lo, min(hi, lo + MAX_CONTENT_TOKENS)) for lo, hi in token_spans]
    if token_spans:
        lo, hi = token_spans[-1]
        token_spans = token_spans[:-1] + [(lo, _trim_tail(doc, lo, hi))]
    for lo, hi in token_spans:
        # Never let the speaker's phrase count as content ("X, who ..., said that").
        for a, b in _cut(lo, hi, speaker_lo, speaker_hi):
            start = max(doc[a].idx, para_lo)
            end = min(doc[b].idx + len(doc[b].text), para_hi)
            if start == para_lo:
                start = dateline_end(text, start)  # "VIENNA — A man stabbed ...": where, not what was said
            while start < end and text[start] in _EDGE_JUNK:
                start += 1
            while end > start and text[end - 1] in _EDGE_JUNK:
                end -= 1
            # A quotation is never cut in two: the parse may stop inside it.
            for qi in index.quotes_overlapping(end - 1, end):
                q = index.quoted[qi]
                if q.start < end < q.end and q.end <= para_hi and q.closed:
                    end = q.end
            if end > start and any(ch.isalnum() for ch in text[start:end]):
                spans.append((start, end))
    if not spans:
        return None
    if sum(1 for a, b in spans for ch in text[a:b] if ch.isalnum()) < 6:
        return None
    if len(spans) == 1 and len(text[spans[0][0] : spans[0][1]].split()) < 3:
        return None  # "called it", "denied that": too little to be a statement
    return Report(cue.i, cue_start, cue_end, spans, speaker.i)




def _trim_tail(doc, lo: int, hi: int) -> int:
    """End the content at a semicolon, before a closing apposition, or before a further report
    ('and warned ...', ', arguing that ...')."""
    for i in range(lo + 1, hi + 1):
        tok = doc[i]
        if tok.text == ";":
            return _before(doc, lo, i)
        if tok.dep_ == "npadvmod" and tok.ent_type_ in ("DATE", "TIME") and tok.head.i < i and i > lo + 2 \
                and tok.left_edge.i == i and doc[i - 1].text in ("”", '"', "''", "’"):
            # 'as a “disgrace” Wednesday on The Laura Ingraham Show': when and where, not what
            return _before(doc, lo, i)
        if tok.text == "," and i + 2 <= hi and doc[i + 1].lower_ in _CONTRAST \
                and any(doc[k].dep_ in ("nsubj", "nsubjpass") for k in range(i + 2, min(i + 6, hi + 1))):
            return _before(doc, lo, i)  # ", but he refuses to ...": a new clause of the writer's
        if tok.dep_ in ("appos", "conj", "advcl", "xcomp"):
            start = tok.left_edge.i
            if start <= lo + 1:
                continue
            prev = doc[start - 1]
            if tok.dep_ == "appos" and prev.text == "," and tok.right_edge.i >= hi - 1 and tok.head.i > lo:
                return start - 2
            if tok.dep_ in ("conj", "advcl", "xcomp") and tok.pos_ == "VERB" and _reports_speech_lemma(tok.lemma_.lower()) \
                    and (tok.dep_ == "conj" or prev.text == ","):
                cut = start - 1
                while cut > lo and (doc[cut].dep_ == "cc" or doc[cut].is_punct):
                    cut -= 1
                return cut
    return hi


def _before(doc, lo: int, i: int) -> int:
    """The last content token before token i, skipping punctuation."""
    end = i - 1
    while end > lo and doc[end].is_punct:
        end -= 1
    return end


def _cut(lo: int, hi: int, cut_lo: int, cut_hi: int):
    if cut_hi < lo or cut_lo > hi:
        return [(lo, hi)]
    out = []
    if lo < cut_lo:
        out.append((lo, cut_lo - 1))
    if hi > cut_hi:
        out.append((cut_hi + 1, hi))
    return out
