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


# Text that exercises every kind of attribute-ruler pattern: the tag map, words with their own
# rules ("was", "had", "ca", "wo"), two-token ones ("gon na", "let 's", "y' all"), regexes
# ("ai n't", "nothin'"), dependency tests (aux, expl, mark) and the curly contractions.
_RULER_TEXT = (
    "I ain't gonna lie: y'all know he wo n't, and she can't. Let's go. There were doin' nothin' "
    "somethin' 'bout it, 'nuff said.\n\nThe senator, who had said that it was over, gets what she "
    "got. She\u2019s sure they\u2019re right, and it\u2019ll be fine if you\u2019d come. "
    "C'mon! Which one? That one, since I told you.  \n\n  It is what it is.")


def test_the_indexed_attribute_ruler_finds_exactly_the_stock_matchers_matches(nlp):
    from pipelines.nlp.indexed_ruler import IndexedRulerMatch

    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler.match, IndexedRulerMatch)  # the loaded pipeline uses the index
    stock = type(ruler).match  # the class's own method: spaCy's Matcher
    for doc in nlp.pipe([_RULER_TEXT, _RULER_TEXT.lower(), _RULER_TEXT.upper()],
                        disable=["attribute_ruler", "lemmatizer", "ner"]):
        assert ruler.match(doc) == stock(ruler, doc)
        assert len(ruler.match(doc)) >= len(doc)  # every token gets at least its tag's attributes


def test_the_indexed_ruler_gives_the_tokens_what_the_stock_ruler_gives(nlp):
    import spacy
    from pipelines.config import DEFAULT_SPACY_MODEL
    from pipelines.nlp import spacy_model

    stock = spacy.load(DEFAULT_SPACY_MODEL)  # the same fixes, but spaCy's own Matcher
    spacy_model._split_glued_quote_marks(stock)
    spacy_model._lemmatize_curly_contractions(stock)
    ours = [(t.text, t.pos_, t.tag_, t.lemma_, str(t.morph), t.dep_) for t in nlp(_RULER_TEXT)]
    theirs = [(t.text, t.pos_, t.tag_, t.lemma_, str(t.morph), t.dep_) for t in stock(_RULER_TEXT)]
    assert ours == theirs


def test_a_pattern_the_index_cannot_reproduce_keeps_the_stock_matcher():
    import spacy
    from pipelines.nlp.indexed_ruler import index_attribute_ruler

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add(patterns=[[{"LOWER": "very", "OP": "+"}]], attrs={"LEMMA": "very"})  # a quantifier
    assert index_attribute_ruler(nlp) is False
    assert not hasattr(ruler.match, "single")
    assert [t.lemma_ for t in nlp("very very good")][:2] == ["very", "very"]
