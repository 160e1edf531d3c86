"""Whether a sentence asserts something: a clause with a verb, not a question, an order to the
reader, a label line without a statement or a credit line.

Page furniture reaches the text as short lines that parse as sentences ("Lakers: Visit the
Thunder on Friday.", "Pro tip: Get more meal ideas here!", "Originally published on Live
Science.", "Tell us what YOU think..."); each would be stored as a claim of the publisher.
"""

import re

from pipelines.nlp.doc_cache import token_columns

MIN_WORDS = 4
MAX_CLAIM_CHARS = 1500
_SUBJECTS = {"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"}
_FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
_BASE_VERB_TAGS = {"VB", "VBP"}
_MODIFIER_DEPS = {"amod", "compound", "nmod", "npadvmod"}
_MAX_LABEL_TOKENS = 6
_ADVERBIAL_DEPS = {"advcl", "prep", "npadvmod"}
_OPENER_DEPS = {"punct", "advmod", "intj", "cc", "aux", "neg"}
# The page's own credits and stamps, not statements of the article
_CREDIT_LINE = re.compile(
    r"\bcontributed (?:reporting|to this (?:report|story|article))\b|"
    r"^(?:this (?:article|story|post) (?:was )?)?(?:originally )?(?:re)?(?:published|printed|posted) (?:on|in|by|at)\b|"
    r"^(?:last )?updated (?:at|on)\b|\bsponsored (?:deal|post|content|story)\b|\bis brought to you by\b|"
    r"^you (?:may|might) also like\b|^tell us what you think\b",
    re.IGNORECASE,
)


def is_assertion(text: str, start: int, end: int, sent) -> bool:
    """sent: the sentence's spaCy span, or None when the text was not parsed (then only the
    surface checks apply)."""
    body = text[start:end]
    if len(body.split()) < MIN_WORDS or len(body) > MAX_CLAIM_CHARS:
        return False
    if body.rstrip("\"'”’) ").endswith("?") or _CREDIT_LINE.search(body.strip()):
        return False
    if sent is None:
        return True
    first = _after_label(sent)
    return _has_clause_verb(sent, first) and not _is_imperative(sent, first)


def _has_clause_verb(sent, first: int) -> bool:
    """A verb heading a clause from token `first` on, i.e. after any label ("Portion Fix
    Containers: 1 Green, 1 Red", "Cocoa (1-2): Jordan Munoz 8 saves." and "The refreshing autumn
    sky!" have none). Any
    clause's verb counts: the small model hangs some main verbs as participles on their subject
    ("The delay allowed for rains to arrive")."""
    columns = token_columns(sent.doc)
    return any(columns.pos[i] in ("VERB", "AUX") and columns.dep[i] not in _MODIFIER_DEPS
               for i in range(first, sent.end))


def _after_label(sent) -> int:
    """Index of the first token after a leading label ("Pro tip:", "Lakers:"), else the start."""
    for token in sent[:_MAX_LABEL_TOKENS + 1]:
        if token.text == ":":
            label = sent.doc[sent.start:token.i]
            if len(label) and not any(t.tag_ in _FINITE_TAGS for t in label):
                return token.i + 1
            break
    return sent.start


def _is_imperative(sent, first: int) -> bool:
    """A base-form main verb without a subject of its own ("Click here to download", "Sign up"),
    also after a label ("Pro tip: Get more ideas here!"), unless it introduces a statement
    ("Let me say that the budget was balanced", "Remember, he is the one who ...")."""
    root = sent.root
    if root.tag_ in _BASE_VERB_TAGS and not any(child.dep_ in _SUBJECTS for child in root.children):
        return _opens_the_sentence(root, sent) and not any(_is_statement_clause(child) for child in root.children)
    if first == sent.start or first >= sent.end:
        return False
    after = sent.doc[first]  # "Label: Verb ...": the parser hangs the verb on the label
    return after.tag_ in _BASE_VERB_TAGS and not any(child.dep_ in _SUBJECTS and child.i > after.i
                                                     for child in after.children)


def _opens_the_sentence(verb, sent) -> bool:
    """Nothing before the verb but adverbials, punctuation and "do not" ("If it looks runny,
    don't worry"): a noun or pronoun before it is a subject the parser hung elsewhere ("I didn't
    sweat", "ILC2s, he found, release cytokines")."""
    adverbial = {t.i for child in verb.children if child.i < verb.i and child.dep_ in _ADVERBIAL_DEPS
                 for t in child.subtree}
    return all(t.i in adverbial or t.dep_ in _OPENER_DEPS for t in sent if t.i < verb.i)


def _is_statement_clause(token) -> bool:
    """A finite complement clause with its own subject, not an open question ("what you think");
    after "let", the clause of the verb let ("Let me say that ...", not "Let us know what ...")."""
    if token.dep_ != "ccomp" or not any(child.dep_ in _SUBJECTS for child in token.children):
        return False
    if token.tag_ == "VB":
        return any(_is_statement_clause(child) for child in token.children)
    first = token.doc[token.left_edge.i]
    return first.tag_ not in ("WP", "WRB", "WDT") and first.lower_ not in ("whether", "if")
