"""The spaCy pipeline as the project loads it: fixes for how news is typeset."""
import pytest


@pytest.mark.parametrize("straight", [
    "She's a disgrace.", "They're liars.", "I'm a fan of his.", "We've said it.", "He'll win.",
    "I don't support him.",
])
def test_typographic_contractions_get_the_straight_forms_lemmas(nlp, straight):
    curly = straight.replace("'", "\u2019")
    want = [(t.lemma_, t.pos_) for t in nlp(straight) if "'" in t.text]
    got = [(t.lemma_, t.pos_) for t in nlp(curly) if "\u2019" in t.text]
    assert got == want


def test_a_typographic_possessive_stays_a_possessive(nlp):
    doc = nlp("It\u2019s Trump\u2019s fault.")
    assert [(t.lemma_, t.tag_) for t in doc if t.text == "\u2019s"] == [("be", "VBZ"), ("\u2019s", "POS")]


def test_a_blank_line_ends_a_sentence_and_a_wrapped_line_does_not(nlp):
    doc = nlp("She said it would help \u201cbuild trust\u201d\n\nAnderson agreed with her and "
              "thought the\noutreach was phony.")
    assert [s.text.strip() for s in doc.sents] == [
        "She said it would help \u201cbuild trust\u201d", "Anderson agreed with her and thought the\noutreach was phony."]
