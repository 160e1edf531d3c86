"""Gender agreement for pronoun resolution: known genders rule out, unknown never does."""

from pipelines.nlp.entities import build_entities
from pipelines.nlp.entities.gender import agrees, entity_gender, mention_gender, pronoun_evidence
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


def test_pronouns_after_a_subject_show_its_gender(nlp):
    text = ("When Qorvath was approached by the police, he told them he had done nothing. "
            "Zelnik found him at home. Brask praised Qorvath, and she said so twice.")
    doc = nlp(text)
    people = [e for e in build_entities(doc) if e.type == "PERSON"]
    evidence = pronoun_evidence(people, doc, lambda start, end: False)
    by_name = {e.canonical_name: evidence.get(e.key) for e in people}
    assert by_name.get("Qorvath") == "male"
    assert by_name.get("Zelnik") is None  # "him" after a subject is someone else
    # "she" follows another person's name ("Qorvath"): it is not Brask's evidence
    assert by_name.get("Brask") is None
    qorvath = next(e for e in people if e.canonical_name == "Qorvath")
    assert not agrees(qorvath, "she", text, evidence) and agrees(qorvath, "she", text)


def test_more_given_names_show_a_gender():
    text = "Scooter Braun and Sonya Zoghlin"
    assert mention_gender(text, 0, 12) == "male" and mention_gender(text, 17, 31) == "female"
