"""Stance logic on sentences written for these tests, with hand-built Quote and Entity objects."""

import pytest

from pipelines.nlp import stance
from pipelines.nlp.stance.lexicon import state_for_name
from pipelines.nlp.types import DocInput, Entity, Mention, Quote


@pytest.fixture(scope="session")
def nlp():
    from pipelines.nlp.spacy_model import load_model

    return load_model()


def run(nlp, text, quotes=(), entities=(), published=None):
    doc = nlp(text)
    return stance.extract_stances(doc, list(quotes), [], list(entities), DocInput("t", text, published=published))


def about(stances, target):
    return [s for s in stances if s.target == target]


def test_every_stance_points_at_its_own_text(nlp):
    text = "Senator Brennan condemned Moscow for the attack, but Jones is by no means a threat."
    stances = run(nlp, text)
    assert stances
    for s in stances:
        assert 0 <= s.evidence_start < s.evidence_end <= len(text)
        assert -1.0 <= s.score <= 1.0 and 0.0 <= s.confidence <= 1.0
        assert s.polarity in ("favor", "against", "neutral")
        if s.target_start is not None:
            assert text[s.target_start : s.target_end]
        if s.holder_start is not None:
            assert text[s.holder_start : s.holder_end]


def test_quote_speaker_holds_the_stance_and_negation_flips_a_threat_into_favor(nlp):
    text = 'Alvarez said: "Jones is by no means a threat to the party."'
    start = text.index("Jones")
    quote = Quote(start, len(text) - 1, [(start, len(text) - 1)], "direct", speaker_text="Alvarez",
                  speaker_start=0, speaker_end=7, speaker_entity="Maria Alvarez", speaker_key="maria alvarez")
    [jones] = about(run(nlp, text, [quote]), "Jones")
    assert (jones.holder, jones.holder_key, jones.source_kind) == ("Maria Alvarez", "maria alvarez", "quote")
    assert jones.polarity == "favor" and jones.score > 0
    assert (jones.holder_start, jones.holder_end) == (0, 7)
    assert text[jones.evidence_start : jones.evidence_end].startswith("Jones is by no means")


def test_without_the_negation_the_same_predicate_is_against(nlp):
    [jones] = about(run(nlp, "Jones is a threat to the party."), "Jones")
    assert jones.polarity == "against" and jones.method == "rule"


def test_hedge_weakens_the_score(nlp):
    [plain] = about(run(nlp, "Jones is a threat."), "Jones")
    [hedged] = about(run(nlp, "Jones may be a threat."), "Jones")
    assert hedged.polarity == "against"
    assert abs(hedged.score) < abs(plain.score) and hedged.confidence < plain.confidence


def test_contradictory_evidence_in_one_sentence_is_neutral_with_low_confidence(nlp):
    [jones] = about(run(nlp, "Jones is a hero and a threat."), "Jones")
    assert jones.polarity == "neutral" and jones.score == 0.0
    assert jones.confidence <= 0.3 and jones.method == "rule:contradictory"


def test_capitals_count_for_their_states_as_holders_and_issue_targets_are_kept(nlp):
    text = "Moscow and Beijing share an aversion to NATO's interventions."
    stances = run(nlp, text)
    issue = about(stances, "NATO's interventions")
    assert {s.holder for s in issue} == {"Russia", "China"}
    assert all(s.polarity == "against" and s.target_key is None and s.target_kind == "issue" for s in issue)
    assert {s.holder for s in about(stances, "NATO")} == {"Russia", "China"}
    holders = {(s.holder, text[s.holder_start : s.holder_end]) for s in issue}
    assert holders == {("Russia", "Moscow"), ("China", "Beijing")}


def test_stance_verb_with_a_seat_of_government_as_target(nlp):
    text = "Senator Brennan condemned the Kremlin for the attack."
    [russia] = about(run(nlp, text), "Russia")
    assert russia.polarity == "against"
    assert "Brennan" in russia.holder
    assert text[russia.target_start : russia.target_end] in ("Kremlin", "the Kremlin")


def test_entity_keys_come_from_the_entity_list(nlp):
    text = "NATO welcomed the Kremlin's decision."
    entities = [Entity("nato", "NATO", "ORG", [Mention(0, 4, "NATO")]),
                Entity("russian federation", "Russia", "GPE", [], aliases=["Russian Federation"])]
    stances = run(nlp, text, entities=entities)
    [russia] = about(stances, "Russia")
    assert (russia.holder, russia.holder_key, russia.target_key) == ("NATO", "nato", "russian federation")
    assert russia.polarity == "favor"


def test_unresolvable_holder_keeps_its_text_and_a_null_key(nlp):
    [jones] = about(run(nlp, "Critics fear Jones."), "Jones")
    assert (jones.holder, jones.holder_key, jones.target_key) == ("Critics", None, None)
    assert jones.polarity == "against"


def test_plural_pronoun_resolves_only_to_two_states_named_just_before(nlp):
    two = run(nlp, "Russia and China signed a treaty in May. They share an aversion to NATO's interventions.")
    assert {s.holder for s in about(two, "NATO's interventions")} == {"Russia", "China"}
    three = run(nlp, "Russia, China and India met in May. They share an aversion to NATO's interventions.")
    assert {s.holder for s in about(three, "NATO's interventions")} == {"They"}


def test_prepositional_stance_verbs_and_negated_support(nlp):
    [smith] = about(run(nlp, "Lawmakers voted against Smith on Tuesday."), "Smith")
    assert smith.polarity == "against" and smith.holder == "Lawmakers"
    [plan] = about(run(nlp, "The White House did not support the plan."), "the plan")
    assert plan.polarity == "against" and plan.holder == "United States"


def test_stances_carry_the_publication_date(nlp):
    [jones] = about(run(nlp, "Critics fear Jones.", published="2012-03-01"), "Jones")
    assert jones.stated_at == "2012-03-01"


def test_seats_table_and_demonyms():
    assert state_for_name("the Kremlin") == "Russia"
    assert state_for_name("Beijing's") == "China"
    assert state_for_name("Russians") == "Russia"
    assert state_for_name("Springfield") is None
