"""Quotations and speakers on sentences written for these tests."""

import pytest

from pipelines.nlp.entities import build_entities
from pipelines.nlp.quotes import extract_quotes


def _quotes(nlp, text):
    doc = nlp(text)
    quotes = extract_quotes(doc, build_entities(doc))
    for q in quotes:  # every row points at exactly its text
        for a, b in q.content_spans:
            assert 0 <= a < b <= len(text)
        if q.speaker_start is not None:
            assert text[q.speaker_start : q.speaker_end] == q.speaker_text
        if q.cue_start is not None:
            assert text[q.cue_start : q.cue_end] == q.cue
    return quotes


def _content(text, quote):
    return [text[a:b] for a, b in quote.content_spans]


def test_split_quotation_is_one_quote_with_two_spans(nlp):
    text = ('Senator Maria Lopez spoke on Monday. "We are not going to back down on this bill," '
            'Lopez said. "The votes are there and we will pass it next week."')
    quotes = [q for q in _quotes(nlp, text) if q.kind == "direct"]
    assert len(quotes) == 1
    quote = quotes[0]
    assert _content(text, quote) == ['"We are not going to back down on this bill,"',
                                     '"The votes are there and we will pass it next week."']
    assert quote.cue == "said"
    assert quote.speaker_text == "Lopez"
    assert quote.speaker_entity == "Maria Lopez"


def test_indirect_said_that_keeps_that_and_resolves_pronoun(nlp):
    text = "Governor Tom Becker visited the plant. He said that the factory would reopen in the spring."
    quotes = _quotes(nlp, text)
    indirect = [q for q in quotes if q.kind == "indirect"]
    assert len(indirect) == 1
    assert _content(text, indirect[0]) == ["that the factory would reopen in the spring"]
    assert indirect[0].speaker_text == "He"
    assert indirect[0].speaker_entity == "Tom Becker"
    assert indirect[0].speaker_key == "tom becker"


def test_according_to_names_the_speaker(nlp):
    text = "The company lost two million dollars last year, according to Acme Corporation's annual report."
    quotes = _quotes(nlp, text)
    assert len(quotes) == 1
    assert quotes[0].cue == "according to"
    assert "lost two million dollars" in _content(text, quotes[0])[0]
    assert "report" in quotes[0].speaker_text


def test_told_reporters_and_warned(nlp):
    text = ("Mayor Jane Ortiz told reporters the budget was balanced. "
            "Ortiz warned that taxes would rise if the state cut funding.")
    quotes = _quotes(nlp, text)
    cues = sorted(q.cue for q in quotes)
    assert cues == ["told", "warned"]
    assert all(q.speaker_entity == "Jane Ortiz" for q in quotes)


def test_mixed_quotation(nlp):
    text = 'The senator said the plan was "a disaster for working families" and should be withdrawn.'
    quotes = _quotes(nlp, text)
    assert len(quotes) == 1
    assert quotes[0].kind == "mixed"
    assert quotes[0].speaker_text == "The senator"


def test_quotation_without_cue_inherits_the_previous_speaker(nlp):
    text = ('"We will rebuild the bridge," said Robert Kim, the city engineer.\n\n'
            '"It will take two years and cost more than anyone expected."')
    quotes = _quotes(nlp, text)
    assert len(quotes) == 2
    assert quotes[1].cue is None
    assert quotes[1].speaker_entity == "Robert Kim"


def test_dash_attribution(nlp):
    text = "“This election is about our children and their future.” ― Ana Ruiz\n"
    quotes = _quotes(nlp, text)
    assert len(quotes) == 1 and quotes[0].speaker_text == "Ana Ruiz"


def test_titles_in_quotation_marks_are_not_quotes(nlp):
    text = 'Smith appeared on "Meet the Press" on Sunday and talked about taxes.'
    assert [q for q in _quotes(nlp, text) if q.kind == "direct"] == []


@pytest.mark.parametrize("text", [
    "", "   \n\n  ", '"""""', '“ ” “ ” « »', "no sentence at all just words " * 50,
    'He said "' + "x" * 5000, "\x00\x01 said \x02 that \x1f", "she said that", "according to",
])
def test_bad_input_does_not_crash(nlp, text):
    from pipelines.nlp.textprep import sanitize

    _quotes(nlp, sanitize(text))


def test_unparsed_doc_does_not_crash(nlp):
    doc = nlp.make_doc('"Hello there my friend," he said. "Goodbye."')
    quotes = extract_quotes(doc, [])
    assert all(q.kind == "direct" for q in quotes)


def test_megabyte_paragraph_with_stray_marks(nlp):
    # Tokenized only (no parse), so the test stays fast; the quote code must still cope.
    unit = 'He said "this is fine, I think, ' + "word " * 30 + "and then ' stray “ marks ” « here "
    text = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    doc = nlp.make_doc(text)
    for q in extract_quotes(doc, build_entities(doc)):
        assert all(0 <= a < b <= len(text) for a, b in q.content_spans)


def test_named_speaker_missed_by_ner_becomes_an_entity(nlp):
    text = '"It is a mess and everyone in the room knows it," Mr. King added.'
    doc = nlp(text)
    entities = build_entities(doc)
    [quote] = extract_quotes(doc, entities)
    assert quote.speaker_text == "Mr. King"
    assert quote.speaker_entity == "King"
    assert any(e.key == quote.speaker_key for e in entities)


@pytest.mark.parametrize(
    "text, cue",
    [
        # two reporting cues over the same words are one statement (the warehouse keys a
        # quotation by its content span: two rows would fail the quotation_span_unique check)
        ("Instead, he argues, lenders should be required to hold a share of the loans, one analyst said.", "argues"),
        ("In future, according to an accord to be signed with the ministry, the agency will no longer "
         "need approval, the statement said.", "said"),
    ],
)
def test_one_quotation_per_content_span(nlp, text, cue):
    found = _quotes(nlp, text)
    spans = [(q.content_start, q.content_end) for q in found]
    assert len(spans) == len(set(spans)) == 1, [(q.cue, q.speaker_text) for q in found]
    assert found[0].cue == cue


def test_a_headings_adverb_is_not_a_speaker_and_a_thing_written_the_x_is_not_he(nlp):
    text = ("Key moments.\n\n2. Never urged Ukraine to investigate Joe Biden\n\n"
            "\"At no time was I aware of it,\" Volker said.")
    assert [q.speaker_text for q in _quotes(nlp, text)] == ["Volker"]  # no report spoken by "Never"
    text = ("The landers would carry astronauts to the Moon. \"Switching horses midstream is not a wise "
            "move at this point,\" he continued.")
    (quote,) = _quotes(nlp, text)
    assert quote.speaker_text == "he" and quote.speaker_entity is None  # not "Moon"


@pytest.mark.parametrize(
    "text",
    [
        # the writer's and the reader's voice outside quotation marks: the author is never a speaker
        "I suggested she try the folding keyboard, and she liked it at once.",
        "We estimate that the new charity is three times as effective as cash transfers.",
        "You can call the new tablet a laptop if you like, and nobody will mind much.",
        # discourse markers and ways of putting things
        "That said, the company promised more features, and it is not delivering them yet.",
        "It's hard to describe how the new fan sounds now, but the pitch is lower.",
        "Which is not to say that the weekend's visit to the hospital was routine for anyone.",
        # a measurement's result is not a statement
        "Blood tests revealed that the man had antibodies to a compound found in feathers.",
        "Those playing through the company's recommended device get thirty frames a second.",
        "Those playing through Stadia's recommended Chromecast will be treated to thirty frames a second.",
        # a hypothetical and a rhetorical question
        "For some, peace of mind is worth it, while others may argue that the money saved would be small.",
        "So what better fix than to add an app to basic banking and call it a revolution in banking?",
    ],
)
def test_what_is_not_a_reported_statement(nlp, text):
    assert [(q.cue, q.speaker_text) for q in _quotes(nlp, text)] == []


def test_a_report_after_that_said_keeps_its_speaker(nlp):
    text = ("That said, the agency says that the southern border \"remains the primary entry point "
            "for heroin\" into the country.")
    (quote,) = _quotes(nlp, text)
    assert (quote.kind, quote.cue, quote.speaker_text) == ("mixed", "says", "the agency")
    assert _content(text, quote)[0].startswith("that the southern border")


def test_a_country_called_us_is_not_the_writer(nlp):
    text = "The US welcomed the exchange, saying the hostages had suffered greatly from their ordeal."
    assert [q.speaker_text for q in _quotes(nlp, text)] == ["The US"]


def test_a_new_sentence_with_its_own_report_does_not_attribute_the_quotation_before_it(nlp):
    text = ("\u201cWe are not telling the builders how to design their landers,\u201d Ortiz said. \u201cWe will "
            "wait for their plans, and then we will judge them.\u201d Acme is one of the bidders for the "
            "contract, and confirmed that its plan uses the new rocket.")
    by_content = {_content(text, q)[-1][:12]: q.speaker_text for q in _quotes(nlp, text)}
    assert by_content == {"\u201cWe will wai": "Ortiz", "that its pla": "Acme"}


def test_a_pull_quote_heading_is_not_a_second_quotation(nlp):
    text = ("Here are the highlights of the hearing:\n\n- \"My worst fears came true\"\n\n"
            "Morrison told the committee, \"I feared how the call would play in Washington. My worst fears "
            "came true.\"\n\nThe hearing ended at noon.")
    assert [(q.speaker_text, _content(text, q)[0][:10]) for q in _quotes(nlp, text)] == [("Morrison", "\"I feared ")]


def test_according_to_inside_dashes_reports_the_aside_only(nlp):
    text = ("Given that record -- and the fact that the mayor has missed 40 council meetings this year, "
            "according to the City Ledger -- there is every reason to doubt his promise.")
    (quote,) = _quotes(nlp, text)
    # what the Ledger reports is the clause; "the fact that" is the writer's framing of it
    assert _content(text, quote) == ["the mayor has missed 40 council meetings this year"]


def test_a_relative_clause_in_an_aside_keeps_its_noun(nlp):
    text = ("Given that record -- and the promises that the mayor made to voters this year, "
            "according to the City Ledger -- there is every reason to doubt his word.")
    (quote,) = _quotes(nlp, text)
    assert _content(text, quote) == ["the promises that the mayor made to voters this year"]


@pytest.mark.parametrize(("text", "speaker"), [
    # research in general is not a source; a named one behind the data is
    ("Studies indicate that adding exercise to your routine could prevent binge eating.", None),
    ("According to federal data, new capacity reached 1.64 gigawatts in the first seven months.", "federal data"),
    ("Blood tests revealed that the man had antibodies to a compound found in feathers.", None),
    # a shouted command is a quotation of its shouter
    ("Police forced the door.\n\n\"Hands! Let me see your hands!\" an officer ordered.", "an officer"),
    # a term in quotation marks before a purpose clause is not a statement
    ("The craft will rely on artificial intelligence and \"fault detection, isolation and recovery\" to "
     "maintain a minimum level of performance.", None),
])
def test_sources_that_speak_and_those_that_do_not(nlp, text, speaker):
    assert [q.speaker_text for q in _quotes(nlp, text)] == ([speaker] if speaker else [])


def test_a_relative_which_is_a_speaker(nlp):
    text = "He faces a lawsuit, which accuses him of publishing secret documents about the war."
    assert [q.speaker_text for q in _quotes(nlp, text)] == ["which"]


def test_a_clause_before_a_colon_or_semicolon_is_the_writers_lead_in(nlp):
    from pipelines.nlp.entities import build_entities
    from pipelines.nlp.quotes import extract_quotes

    for text, lead in (("We have been here before: Osama bin Laden declared war on the United States.",
                        "We have been here before"),
                       ("The merged company may not diverge from the trend; Reed has said that he expects "
                        "to wring $300 million in synergies from the combination.", "may not diverge")):
        doc = nlp(text)
        contents = [text[q.content_start:q.content_end] for q in extract_quotes(doc, build_entities(doc))]
        assert not [c for c in contents if lead in c], contents


def test_facts_that_suggest_are_the_writers_reasoning_not_a_source(nlp):
    from pipelines.nlp.entities import build_entities
    from pipelines.nlp.quotes import extract_quotes

    text = ("Swiss scientists showed that rats use these receptors to detect odors. Those facts suggest that "
            "the ancestors of rats made scent receptors out of immune molecules.")
    doc = nlp(text)
    assert not [q for q in extract_quotes(doc, build_entities(doc)) if q.cue == "suggest"]


def test_a_lead_in_before_a_colon_is_not_part_of_the_quotation(nlp):
    from pipelines.nlp.entities import build_entities
    from pipelines.nlp.quotes import extract_quotes

    text = ("Jessie Buckley sang the song for the film. By the time Buckley learned who had written the song, "
            "she was only half-surprised: \u201cIt made sense, because it clearly came from someone with a complex "
            "understanding of character,\u201d she said.")
    doc = nlp(text)
    quotes = [q for q in extract_quotes(doc, build_entities(doc)) if "It made sense" in text[q.content_start:q.content_end]]
    assert quotes and all(not text[q.content_start:q.content_end].startswith("By the time") for q in quotes)
    assert [q.kind for q in quotes] == ["direct"]


def test_he_continues_the_subject_not_a_name_in_apposition(nlp):
    text = ("Karl Marsh told the panel he tried to work with the mayor's adviser, Tom Reed, to persuade him "
            "that the new budget was sound. However, he said the March vote made him realize the adviser "
            "still believed the city needed to cut jobs.")
    (quote,) = [q for q in _quotes(nlp, text) if q.cue == "said"]
    assert quote.speaker_entity == "Karl Marsh"


def test_a_quotation_after_a_sentence_about_another_person_is_theirs(nlp):
    text = ('At this pace, Maria Lenz said, four ferries will be ready by 2026. "Adding a fifth ferry '
            'could not happen." Paul Okafor came back to the question later in the session. "Which private '
            'shipyards exist today that can build the hull?" Lenz replied that the state yard is the only '
            'one able to do it.')
    (question,) = [q for q in _quotes(nlp, text) if "private" in text[q.content_start:q.content_end]]
    assert question.speaker_entity == "Paul Okafor"


def test_a_speaker_mention_never_starts_inside_the_quotation(nlp):
    text = ('"While scientists have not yet seen the comet directly, we\'ve found the next best thing: dust in '
            'vapor form," lead researcher and agency planetary scientist Nadia Kerr said in a statement.')
    (quote,) = _quotes(nlp, text)
    assert quote.speaker_entity == "Nadia Kerr"
    assert '"' not in quote.speaker_text and quote.speaker_text.endswith("Nadia Kerr")


def test_a_participle_after_the_clause_is_no_report_nor_part_of_according_to(nlp):
    text = ("The state's consumer regulator is examining Brightline, according to three people briefed on "
            "the inquiry, adding to a growing list of troubles for the lender.")
    (quote,) = _quotes(nlp, text)
    assert quote.cue == "according to"
    assert _content(text, quote) == ["The state's consumer regulator is examining Brightline"]
    text = "Alma Ruiz won the county's primary on Tuesday, adding to her comfortable delegate lead."
    assert _quotes(nlp, text) == []
    text = ("This pathway, says Oren Falk, a geneticist at the University of Oregon, helps steer a broad "
            "response to threats across the body.")
    (quote,) = _quotes(nlp, text)
    assert quote.speaker_entity == "Oren Falk"


def test_a_subject_inside_a_quoted_statement_is_no_speaker_of_a_cue_outside_it(nlp):
    text = ('"We can no longer say what we think in this town. #Lyon," tweeted a French user from Grenoble going by '
            'the handle Marmotte.')
    assert all(q.speaker_entity != "Lyon" for q in _quotes(nlp, text))
    assert all(q.kind == "direct" for q in _quotes(nlp, text))
    text = 'The "Gang of Eight" said the immigration bill was dead.'
    (quote,) = [q for q in _quotes(nlp, text) if q.kind == "indirect"]
    assert "Gang" in quote.speaker_text  # a name in quotation marks still speaks


def test_a_report_in_a_subheading_is_no_quotation(nlp):
    text = ("The prison agency faced questions on Tuesday.\n\nIndictments unsealed as head of prison agency "
            "testified before Congress\n\nAs the charges were unsealed, the director said the agency was "
            "understaffed.")
    quotes = _quotes(nlp, text)
    assert [q.cue for q in quotes] == ["said"]
    text = "The network covered the rally.\n\nCNN also noted the relatively sparse attendance:\n\n" \
           "Even right-leaning journalists said the crowd was small and the mood was subdued."
    # a lead-in ending with a colon is no heading
    assert "noted" in [q.cue for q in _quotes(nlp, text)]


def test_a_report_in_a_clause_before_the_main_one_ends_with_its_clause(nlp):
    text = ("Although relatives of the missing sailor suggested the captain may have been negligent, Ines Moreau "
            "told reporters no evidence supports anything other than an accident.")
    (suggested,) = [q for q in _quotes(nlp, text) if q.cue == "suggested"]
    assert _content(text, suggested) == ["the captain may have been negligent"]


def test_the_object_before_a_subjectless_reported_clause_is_its_subject(nlp):
    text = "Okafor suggested the most likely reason Delta farmers are refusing to sell the land is fear of losing water rights."
    (quote,) = _quotes(nlp, text)
    assert _content(text, quote) == [
        "the most likely reason Delta farmers are refusing to sell the land is fear of losing water rights"]


def test_whom_it_was_told_to_is_not_the_reported_clause(nlp):
    text = ("Prince Edward, the 55-year-old younger brother of the heir to the Dutch throne, Willem, has "
            "reportedly told friends and family that the film aired at the weekend was a “big success”.")
    (quote,) = _quotes(nlp, text)
    assert not any(part.startswith("friends") for part in _content(text, quote))
