"""Gender agreement for pronoun resolution: known genders rule out, unknown never does."""

from pipelines.nlp.entities.gender import agrees, entity_gender, mention_gender
from pipelines.nlp.types import Entity, Mention


def entity(text, name, etype="PERSON"):
    start = text.index(name)
    return Entity(key=name.lower(), canonical_name=name, type=etype,
                  mentions=[Mention(start, start + len(name), name)])


def test_honorifics_and_given_names_show_a_gender():
    text = "Mrs. Brennan spoke. Then Hillary Clinton spoke, and Mr. Jones."
    assert mention_gender(text, text.index("Brennan"), text.index("Brennan") + 7) == "female"
    assert mention_gender(text, text.index("Hillary"), text.index("Hillary") + 15) == "female"
    assert mention_gender(text, text.index("Jones"), text.index("Jones") + 5) == "male"


def test_a_bare_surname_has_no_gender_of_its_own():
    text = "Scott spoke."
    assert entity_gender(entity(text, "Scott"), text) is None


def test_agreement_rules_out_only_a_known_different_gender():
    text = "Osama bin Laden and Hillary Clinton and Zyx Qwerty"
    assert not agrees(entity(text, "Osama bin Laden"), "she", text)
    assert agrees(entity(text, "Osama bin Laden"), "he", text)
    assert not agrees(entity(text, "Hillary Clinton"), "him", text)
    assert agrees(entity(text, "Zyx Qwerty"), "she", text)  # unknown: allowed
    assert agrees(entity(text, "Zyx Qwerty", "ORG"), "she", text)  # not a person: not judged here


def test_conflicting_evidence_means_unknown():
    text = "Mr. Lee and Mrs. Lee"
    lee = Entity(key="lee", canonical_name="Lee", type="PERSON",
                 mentions=[Mention(4, 7, "Lee"), Mention(17, 20, "Lee")])
    assert entity_gender(lee, text) is None
