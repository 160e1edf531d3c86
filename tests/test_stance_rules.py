"""Stance rows on sentences written for these tests, through the real extractors: a row is a named
holder (a quotation's speaker or an attitude cue's subject, never the author's voice), a named
target (pronouns resolved or dropped), and favor or against (no neutral rows)."""

import pytest

from pipelines.nlp.stance.lexicon import state_for_name
from pipelines.nlp.types import DocInput

PRONOUNS = {"he", "she", "him", "her", "his", "hers", "it", "its", "they", "them", "their", "i", "me", "my", "we",
            "us", "our", "you", "your"}


def run(extractor, text, **fields):
    return extractor.extract(DocInput("t", text, **fields)).stances


def rows(stances):
    return {(s.holder, s.target, s.polarity) for s in stances}


def test_every_row_points_at_its_own_text_and_is_never_neutral(extractor):
    text = ("Senator Maria Brennan condemned Russia for the attack. "
            "\u201cTom Jones is by no means a threat to the party,\u201d Brennan said.")
    stances = run(extractor, text)
    assert stances
    for s in stances:
        assert 0 <= s.evidence_start < s.evidence_end <= len(text)
        assert -1.0 <= s.score <= 1.0 and 0.0 <= s.confidence <= 1.0
        assert s.polarity in ("favor", "against")
        assert s.holder and text[s.holder_start:s.holder_end]
        assert text[s.target_start:s.target_end]
        assert s.target.lower() not in PRONOUNS


def test_the_quotation_speaker_holds_it_and_negation_makes_a_threat_favor(extractor):
    text = "\u201cTom Jones is by no means a threat to the party,\u201d Senator Maria Brennan said on Monday."
    [row] = [s for s in run(extractor, text) if s.target == "Tom Jones"]
    assert (row.holder, row.polarity, row.source_kind) == ("Maria Brennan", "favor", "quote")
    assert row.score > 0


def test_an_attitude_verbs_subject_holds_it(extractor):
    assert ("Maria Brennan", "Russia", "against") in rows(
        run(extractor, "Senator Maria Brennan condemned Russia for the attack on Tuesday."))


def test_a_seat_of_government_counts_for_its_state(extractor):
    assert ("Maria Brennan", "Russia", "against") in rows(
        run(extractor, "Senator Maria Brennan condemned the Kremlin for the attack on Tuesday."))


def test_the_authors_voice_is_no_stance(extractor):
    assert run(extractor, "Tom Jones is a threat to the party and a danger to the country.") == []


def test_the_author_is_never_a_holder(extractor):
    text = "Maria Brennan praised Tom Jones for his courage on Tuesday."
    assert ("Maria Brennan", "Tom Jones", "favor") in rows(run(extractor, text))
    assert not [s for s in run(extractor, text, author="Maria Brennan") if s.holder == "Maria Brennan"]


def test_a_pronoun_target_is_resolved_to_its_person_or_dropped(extractor):
    text = "Maria Brennan met Tom Jones in Ohio on Monday. Brennan praised him for his courage."
    stances = run(extractor, text)
    assert ("Maria Brennan", "Tom Jones", "favor") in rows(stances)
    assert all(s.target.lower() not in PRONOUNS for s in stances)
    assert not run(extractor, "The storm hit the coast. Officials praised it for nothing in particular.")


def test_contradictory_evidence_in_one_sentence_gives_no_row(extractor):
    text = "\u201cTom Jones is a hero and a threat,\u201d Senator Maria Brennan said on Monday."
    assert not [s for s in run(extractor, text) if s.target == "Tom Jones"]


def test_capitals_as_holders_and_a_named_issue_as_target(extractor):
    text = "Moscow and Beijing share an aversion to NATO's interventions."
    stances = [s for s in run(extractor, text) if "NATO" in s.target]
    assert {s.holder for s in stances} == {"Russia", "China"}
    assert all(s.polarity == "against" for s in stances)
    assert {text[s.holder_start:s.holder_end] for s in stances} == {"Moscow", "Beijing"}


def test_one_row_per_holder_target_polarity_and_sentence(extractor):
    text = "Senator Maria Brennan condemned Russia and condemned Russia again on Tuesday."
    stances = run(extractor, text)
    assert len([s for s in stances if (s.holder, s.target) == ("Maria Brennan", "Russia")]) == 1


def test_rows_carry_the_publication_date(extractor):
    from pipelines.nlp.types import PublicationDate

    published = PublicationDate.from_isoformat("2012-03-01")
    [row] = [s for s in run(extractor, "Senator Maria Brennan condemned Russia for the attack.",
                            published=published) if s.target == "Russia"]
    assert row.stated_at == "2012-03-01"


def test_seats_table_and_demonyms():
    assert state_for_name("the Kremlin") == "Russia"
    assert state_for_name("Beijing's") == "China"
    assert state_for_name("Russians") == "Russia"
    assert state_for_name("Springfield") is None


def test_a_pronoun_about_the_holder_gives_no_row_for_the_next_name(extractor):
    # "he" is Tom Jones himself: never the closest other person (Maria Brennan).
    text = ("Maria Brennan met Tom Jones in Ohio on Monday. "
            "Jones said on Tuesday that he admires the brave people of Ohio.")
    assert not [s for s in run(extractor, text) if s.holder == "Tom Jones" and s.target == "Maria Brennan"]


def test_a_pronoun_resolves_only_to_a_person_of_its_gender(extractor):
    text = ("Mr. Tom Jones met Maria Brennan in Ohio on Monday. "
            "Senator Paul Smith praised her for her courage.")
    stances = rows(run(extractor, text))
    assert ("Paul Smith", "Maria Brennan", "favor") in stances
    assert ("Paul Smith", "Tom Jones", "favor") not in stances


def test_us_in_a_quotation_is_not_the_united_states(extractor):
    text = "\u201cHe really does love us and we admire him,\u201d Maria Brennan said of Tom Jones on Monday."
    assert not [s for s in run(extractor, text) if s.target == "United States"]


def test_a_place_where_something_happened_is_not_a_target(extractor):
    text = "\u201cThe attack in Minnesota was a disgrace,\u201d Senator Maria Brennan said on Monday."
    assert not [s for s in run(extractor, text) if s.target == "Minnesota"]


def test_a_speaker_written_it_or_they_holds_no_stance(extractor):
    text = ("The Tampa Bay Times endorsed a candidate on Sunday. Meanwhile, it attacked Tom Jones, saying "
            "\u201cTom Jones is a disgrace and a fraud.\u201d")
    assert not [s for s in run(extractor, text) if text[s.holder_start:s.holder_end].lower() == "it"]


def test_every_source_kind_the_extractor_emits_passes_the_stance_checks(extractor):
    from pipelines.quality.suites import STANCE_SOURCE_KINDS

    text = ("Moscow and Beijing share an aversion to NATO's interventions. "
            "\u201cTom Jones is by no means a threat to the party,\u201d Senator Maria Brennan said on Monday.")
    kinds = {s.source_kind for s in run(extractor, text)}
    assert kinds == {"attitude", "quote"} and kinds <= set(STANCE_SOURCE_KINDS)


def test_he_in_a_speakers_own_quoted_words_is_someone_else(extractor):
    text = ("Governor Tom Jones spoke on Monday. Senator Mark Brennan answered him. "
            "\u201cHe is a liar and a disgrace,\u201d Brennan said.")
    assert rows(run(extractor, text)) == {("Mark Brennan", "Tom Jones", "against")}


def test_a_pronoun_in_quoted_words_refers_first_to_a_name_in_the_same_quotation(extractor):
    text = ("Senator Paul Smith met Mark Davis on Monday. "
            "\u201cTom Jones has lied to voters for years, proving he is dishonest and unfit,\u201d Smith said.")
    assert rows(run(extractor, text)) == {("Paul Smith", "Tom Jones", "against")}


def test_places_qualifying_a_persons_title_are_not_targets(extractor):
    text = "Maria Brennan condemned Tulsa, Okla., police officer Betty Shelby for the shooting."
    found = rows(run(extractor, text))
    assert ("Maria Brennan", "Betty Shelby", "against") in found
    assert {r[1] for r in found} == {"Betty Shelby"}


def test_poll_support_is_a_figure_not_a_stance(extractor):
    assert run(extractor, "Tom Jones has just 5 percent support of the Hispanic vote in Ohio.") == []


def test_a_hyphenated_word_is_not_read_as_its_last_part(extractor):
    text = "\u201cTom Jones is trigger-happy and very unstable,\u201d Senator Mark Brennan said."
    assert not [s for s in run(extractor, text) if s.polarity == "favor"]


def test_a_question_states_no_stance(extractor):
    text = "\u201cWhy would anyone praise Tom Jones for his courage?\u201d Senator Maria Brennan said."
    assert run(extractor, text) == []


def test_refusing_to_endorse_is_against(extractor):
    found = rows(run(extractor, "Senator Mark Brennan pointedly refused to endorse Tom Jones in July."))
    assert found == {("Mark Brennan", "Tom Jones", "against")}


def test_an_attitude_a_speaker_ascribes_to_someone_else_is_not_the_speakers(extractor):
    from pipelines.nlp.types import DocInput

    text = ("Stephanie Grisham spoke for the White House on Wednesday. \u201cThe hearing shows that the Democrats "
            "are simply blinded by their hatred for Donald Trump,\u201d Grisham said.")
    stances = extractor.extract(DocInput("t", text, published="2019-11-20")).stances
    assert not [s for s in stances if s.holder_key and "grisham" in s.holder_key and "trump" in (s.target_key or "")]


def test_reported_speech_calls_its_speaker_he_and_the_attitude_is_the_speakers(extractor):
    from pipelines.nlp.types import DocInput

    text = ("Ted Cruz spoke in Houston on Friday. \u201cThe day that was abrogated was the day this became "
            "personal,\u201d he said, adding he would never vote for Hillary Clinton.")
    stances = extractor.extract(DocInput("t", text, published="2016-09-23")).stances
    assert [(s.holder, s.target, s.polarity) for s in stances] == [("Ted Cruz", "Hillary Clinton", "against")]


def test_reported_speech_about_another_man_is_not_the_speakers_attitude(extractor):
    from pipelines.nlp.types import DocInput

    # "he" cannot be the speaker Heidi Cruz: whoever will not vote for Clinton, it is not her
    text = ("Ted Cruz spoke in Houston on Friday. Heidi Cruz said on Saturday that he would never "
            "vote for Hillary Clinton.")
    stances = extractor.extract(DocInput("t", text, published="2016-09-23")).stances
    assert not [s for s in stances if "heidi" in (s.holder_key or "")]


@pytest.mark.parametrize("sentence, expected", [
    ("Chris Christie called Hillary Clinton a disgrace on Friday.", {("Chris Christie", "Hillary Clinton", "against")}),
    ("Chris Christie described Hillary Clinton as a \u201cdisgrace\u201d in Trenton.",
     {("Chris Christie", "Hillary Clinton", "against")}),
    ("Donald Trump called Jeb Bush a very nice man.", {("Donald Trump", "Jeb Bush", "favor")}),
    ("Donald Trump called Jeb Bush on Tuesday.", set()),
    ("Donald Trump called Jeb Bush a candidate.", set()),
])
def test_a_naming_verb_says_what_its_subject_thinks_its_object_is(extractor, sentence, expected):
    assert rows(run(extractor, sentence)) == expected


def test_a_named_third_party_in_reported_speech_holds_its_own_attitude(extractor):
    text = ("Tim Morrison testified on Thursday. He said his predecessor, Fiona Hill, had called Gordon "
            "Sondland a problem.")
    assert not [s for s in run(extractor, text) if s.holder == "Tim Morrison"]


@pytest.mark.parametrize("sentence, expected", [
    ("Lindsey Graham is a strong supporter of Donald Trump.", {("Lindsey Graham", "Donald Trump", "favor")}),
    ("Lindsey Graham is not a fan of Donald Trump.", {("Lindsey Graham", "Donald Trump", "against")}),
    ("Steve Mosko, a longtime critic of Mehmet Oz, spoke on Monday.", {("Steve Mosko", "Mehmet Oz", "against")}),
    ("\u201cI'm not a Clinton fan, but enough with the emails!\u201d said John Weinbrecht, a voter.",
     {("John Weinbrecht", "Clinton", "against")}),
    ("Trump's critics say he lies.", set()),  # the critics are nobody named
    ("Trump supporters rallied in Ohio.", set()),
])
def test_a_stance_role_is_held_by_the_person_it_describes(extractor, sentence, expected):
    assert rows(run(extractor, sentence)) == expected


def test_calling_for_a_ban_on_something_is_against_it(extractor):
    assert rows(run(extractor, "Senator Josh Hawley called for a ban on TikTok.")) == {
        ("Josh Hawley", "TikTok", "against")}
    assert not run(extractor, "A ban on TikTok took effect in Montana.")  # nobody's stance


def test_a_description_holds_the_stance_of_the_person_it_describes(extractor):
    text = ("Manhattan Supreme Court Justice Frank Nervo ruled on Thursday. Lawyers for Ivana Trump had filed "
            "papers. The judge agreed with Ivana Trump that there was no reason to intrude on her privacy.")
    assert ("Frank Nervo", "Ivana Trump", "favor") in rows(run(extractor, text))


@pytest.mark.parametrize("phrase, named", [
    ("the Iran nuclear deal", True), ("charter schools", True), ("becoming a junior partner", True),
    ("how our Ukraine policy could play out", False), ("a Hong Kong court ruling", False),
])
def test_an_issue_target_is_a_naming_noun_phrase_not_a_clause_or_an_indefinite(nlp, phrase, named):
    from pipelines.nlp.stance.stance import _names_an_issue

    doc = nlp(f"They opposed {phrase}.")
    span = doc[2:len(doc) - 1]
    assert span.text == phrase and _names_an_issue(span) is named


@pytest.mark.parametrize(("text", "unwanted"), [
    # quoted words whose speaker is no holder: the House's "stance" is a poll's wording
    ("Tom Jones spoke on Monday. Fifty-one percent say that \u201cJones was wrong and he should be impeached "
     "by the House and removed from office.\u201d", "House"),
    # a question put to someone states no stance of the asker
    ("Maria Brennan asked whether Tom Jones was a liar and a fraud.", "Maria Brennan"),
    # the one who feels is not a target of the feeling
    ("\u201cMy husband Tom Jones and I were frightened about it,\u201d Maria Brennan said on Monday.", "Maria Brennan"),
])
def test_no_stance_from_unheld_words_questions_or_feelings(extractor, text, unwanted):
    assert not [s for s in run(extractor, text) if s.holder == unwanted]


def test_a_place_inside_the_object_and_a_co_holder_are_not_targets(extractor):
    text = ("In a joint statement, the Russian and Syrian defense ministries accused U.S. forces in southern "
            "Syria's al-Tanf of controlling bandit formations.")
    assert not [s for s in run(extractor, text) if s.target == "Syria"]


@pytest.mark.parametrize(("text", "target", "evaluative"), [
    ("Acme Corp said its outstanding shares and its debt rose on the United Airlines deal.", "Acme Corp", False),
    ("Acme Corp said Tom Jones had done a terrible job with the merger.", "Tom Jones", True),
])
def test_the_model_gate_ignores_market_words_and_names(nlp, text, target, evaluative):
    from pipelines.nlp.stance.stance import _is_evaluative_near
    from pipelines.nlp.types import Mention

    doc = nlp(text)
    start = text.index(target)
    span = doc.char_span(start, start + len(target))
    mention = Mention(start, start + len(target), target, target, None, "name", span.start, span.end)
    assert _is_evaluative_near(next(iter(doc.sents)), doc, mention) is evaluative


def test_a_stance_noun_that_a_verb_ends_is_no_stance(extractor):
    # the friendship is given up, not held: neither favor nor against
    assert not run(extractor, "Senator Maria Brennan ended her friendship with Tom Jones last year.")


def test_a_name_in_the_writers_paraphrase_of_a_mixed_quotation_is_an_antecedent(extractor):
    # The paraphrase around the marked word is the writer's: "Hale" there is who "she" is, not
    # the radio host named before it. The typographic apostrophe reads like the straight one
    # ("She’s a disgrace" is a copula, whose complement the rules decide).
    text = ("Governor Tom Walsh spoke to reporters on Monday. Brenda Hale spoke to the radio host "
            "Jordan Okafor on Tuesday. Walsh blasted Hale as a \u201cdisgrace\u201d on Wednesday.\n\n"
            "\u201cShe\u2019s a disgrace and those comments are a disgrace,\u201d he said.")
    quoted = text.index("\u201cShe")
    got = {(s.holder, s.target, s.polarity, s.method) for s in run(extractor, text) if s.evidence_start >= quoted}
    assert got == {("Tom Walsh", "Brenda Hale", "against", "rule")}


def test_the_model_alone_never_makes_a_stance_toward_a_place(extractor):
    # a slogan's mood is not a position on a government; rules still decide places ("France
    # has been a terrible disappointment")
    text = "\u201cWe will keep America safe and our partnerships strong,\u201d Senator Tom Walsh said."
    assert not any(s.target == "United States" for s in run(extractor, text))
    text = "\u201cFrance has been a terrible disappointment,\u201d Senator Tom Walsh said."
    assert ("Tom Walsh", "France", "against") in rows(run(extractor, text))


def test_a_relative_pronoun_holds_the_stance_of_the_name_it_stands_for(extractor):
    text = "The decision is risky for Ted Cruz, who pointedly refused to endorse Donald Trump in July."
    assert ("Ted Cruz", "Donald Trump", "against") in rows(run(extractor, text))
    # a thing's relative clause is no one's attitude
    text = "Acme Wireless routers that support Wi-Fi 6 cost more than older ones."
    assert not run(extractor, text)


@pytest.mark.parametrize("text", [
    # a name possessing a person noun: the stance is toward that other, unnamed person
    "Senator Tom Walsh praised Donald Trump's wife for her charity work.",
    "\u201cThe Democrats are attacking Donald Trump\u2019s wife, children, family and associates,\u201d Tom Walsh said.",
    # "with respect to" is a preposition, not respect
    "\u201cThe office should address the failures with respect to the Bureau of Prisons,\u201d Sam Figgins said.",
    # whether there was an attitude, not whose
    "Historians say that Austrians were also perpetrators and that there was little resistance to Adolf Hitler's rule.",
    # "support" continues "agree", not the "that" clause whose subject is China
    "Many businesses agree that China has long taken advantage of the United States and support "
    "Mr. Donald Trump's efforts to remove trade barriers.",
    # what police and courts do to someone is a reported fact
    "“Officers also arrested Christopher Tays, 32, on several charges after a violent struggle,” "
    "Sergeant Matt Harris said.",
])
def test_no_stance_toward_a_possessor_a_fixed_phrase_or_an_existential(extractor, text):
    assert not run(extractor, text)


LETTERS_PAGE = ("Readers on the tax plan.\n\nLETTERS.\n\nI strongly oppose Governor Tom Walsh and his tax plan. "
                "It will hurt families.\n\nMaria Lopez.\n\nI support Tom Walsh. He kept his promises.\n\n"
                "Daniel Okafor, Springfield.\n\n")


def test_a_signed_letter_on_a_letters_page_is_its_signers(extractor):
    got = rows(run(extractor, LETTERS_PAGE))
    assert ("Maria Lopez", "Tom Walsh", "against") in got
    assert ("Daniel Okafor", "Tom Walsh", "favor") in got


def test_one_name_under_a_paragraph_is_no_signature(extractor):
    # one signature-like paragraph is a credit or a byline, not a letters page; and a sentence
    # opening with a name and a comma is no signature
    text = ("I strongly oppose Governor Tom Walsh and his tax plan.\n\nMaria Lopez.\n\n"
            "Keron Blair, executive director of the group, called for more school investment.")
    assert not run(extractor, text)


def test_words_someone_hopes_will_be_said_are_nobodys_stance(extractor):
    text = ("Tom Walsh ran for governor.\n\n"
            "I hope in 2017 America says, \"Governor Walsh, thank you for a lifetime of public service.\"")
    assert not [s for s in run(extractor, text) if s.holder == "United States"]
